// aio-examples: lists and runs the C++ ports of the tutorial examples.
//
//     aio-examples list
//     aio-examples [--clock virtual|real|scaled=F] run NAME... | --all
//
// Every example makes its loops with aio::run, new_event_loop or
// get_event_loop, so the clock chosen here (aio::set_default_clock) is the one
// it runs on: virtual (instant, deterministic; the default), real, or real
// time scaled by F. A virtual and a real run print the same text.

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "aio/aio.hpp"
#include "example_table.hpp"

namespace {

int usage(const char* why) {
    if (why) std::cerr << "aio-examples: " << why << "\n";
    std::cerr << "usage: aio-examples list\n"
                 "       aio-examples [--clock virtual|real|scaled=FACTOR] run NAME... | --all\n";
    return 2;
}

bool set_clock(const std::string& spec) {
    if (spec == "virtual") {
        aio::set_default_clock(aio::ClockKind::virtual_);
    } else if (spec == "real") {
        aio::set_default_clock(aio::ClockKind::real);
    } else if (spec.rfind("scaled=", 0) == 0) {
        char* end = nullptr;
        double factor = std::strtod(spec.c_str() + 7, &end);
        if (*end != '\0' || !(factor > 0)) return false;
        aio::set_default_clock(aio::ClockKind::scaled, factor);
    } else {
        return false;
    }
    return true;
}

// Runs one example; false if it failed (an exception escaped, or it returned non-zero).
bool run_example(const aio_examples::Example& ex) {
    int status = 0;
    try {
        status = ex.main();
    } catch (const std::exception&) {
        std::cout.flush();
        std::cerr << "aio-examples: " << ex.name << " raised " << aio::describe_exception(std::current_exception())
                  << "\n";
        status = 1;
    } catch (...) {
        std::cout.flush();
        std::cerr << "aio-examples: " << ex.name << " raised an unknown exception\n";
        status = 1;
    }
    std::cout.flush();
    // Examples leave no loop behind for the next one (01 and 09 install their own).
    aio::set_event_loop(nullptr);
    if (status != 0) std::cerr << "aio-examples: " << ex.name << " exited with status " << status << "\n";
    return status == 0;
}

}  // namespace

int main(int argc, char** argv) {
    aio::set_default_clock(aio::ClockKind::virtual_);
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string command;
    std::vector<std::string> names;
    bool all = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--clock" || a.rfind("--clock=", 0) == 0) {
            std::string spec = a == "--clock" ? (i + 1 < args.size() ? args[++i] : "") : a.substr(8);
            if (!set_clock(spec)) return usage(("unknown clock '" + spec + "'").c_str());
        } else if (a == "--all") {
            all = true;
        } else if (a == "-h" || a == "--help") {
            usage(nullptr);
            return 0;
        } else if (command.empty()) {
            command = a;
        } else {
            names.push_back(a);
        }
    }

    if (command == "list") {
        for (std::size_t i = 0; i < aio_examples::example_count; ++i)
            std::cout << aio_examples::examples[i].name << "\n";
        return 0;
    }
    if (command != "run") return usage(command.empty() ? "no command" : ("unknown command '" + command + "'").c_str());
    if (all == !names.empty()) return usage("run takes example names or --all");

    std::vector<const aio_examples::Example*> chosen;
    if (all) {
        for (std::size_t i = 0; i < aio_examples::example_count; ++i) chosen.push_back(&aio_examples::examples[i]);
    } else {
        for (const std::string& n : names) {
            std::string name = n.size() > 4 && n.compare(n.size() - 4, 4, ".cpp") == 0 ? n.substr(0, n.size() - 4) : n;
            const aio_examples::Example* ex = aio_examples::find_example(name);
            if (!ex) return usage(("no example called '" + n + "' (see aio-examples list)").c_str());
            chosen.push_back(ex);
        }
    }
    bool ok = true;
    for (const aio_examples::Example* ex : chosen) {
        if (chosen.size() > 1) std::cout << "=== " << ex->name << "\n";
        ok = run_example(*ex) && ok;
    }
    return ok ? 0 : 1;
}
