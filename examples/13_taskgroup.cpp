// A TaskGroup (Python 3.11).
// The group's block waits for every task started in it. If one fails, the others are cancelled
// and all failures come out as one aio::ExceptionGroup, which the handler sorts by type.
#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "aio/aio.hpp"
#include "aio/task_group.hpp"
#include "pyfmt.hpp"

namespace {

// Python's built-in KeyError, whose message is the repr of the missing key.
class KeyError : public std::out_of_range {
public:
    explicit KeyError(const std::string& key) : std::out_of_range(py::repr(key)) {}
};

// Python's `except* E as group`: the errors of the group that are E's (group.split(E)).
template <class E>
std::vector<std::exception_ptr> errors_of(const aio::ExceptionGroup& group) {
    std::vector<std::exception_ptr> matching;
    for (const std::exception_ptr& e : group.exceptions()) {
        try {
            std::rethrow_exception(e);
        } catch (const E&) {
            matching.push_back(e);
        } catch (...) {}
    }
    return matching;
}

aio::Coroutine<std::string> pack(std::string item, double seconds) {
    try {
        co_await aio::sleep(seconds);
    } catch (const aio::CancelledError&) {
        std::cout << "  stopped packing " << item << "\n";
        throw;
    }
    std::cout << "  packed " << item << "\n";
    co_return item;
}

aio::Coroutine<> pack_fragile(std::string item, double seconds) {
    co_await aio::sleep(seconds);
    throw aio::ValueError(item + " broke");
}

aio::Coroutine<> check_label(std::string item) {
    throw KeyError(item);  // fails in its very first step, before any await
    co_return;
}

aio::Coroutine<int> check_weight(std::string item, int kilos) {
    if (kilos > 20) throw aio::ValueError(item + " weighs " + std::to_string(kilos) + " kg, over the limit");
    co_return kilos;
}

aio::Coroutine<> async_main() {
    aio::EventLoop& loop = aio::get_running_loop();

    std::cout << "== everything succeeds\n";
    double start = loop.time();
    aio::Task<std::string> boots, scarf;
    // `async with asyncio.TaskGroup() as tg:` — the block is a coroutine the group awaits inline.
    co_await aio::task_group([&](aio::TaskGroup& tg) -> aio::Coroutine<> {
        boots = tg.create_task(pack("boots", 0.2));
        scarf = tg.create_task(pack("scarf", 0.1));
        std::cout << "tasks created; the end of the block waits for them\n";
        co_return;
    });
    std::cout << "results: " << py::repr(std::vector<std::string>{boots.result(), scarf.result()}) << "\n";
    std::cout << "took " << py::fixed(loop.time() - start, 1) << " s\n";

    std::cout << "== one task fails\n";
    start = loop.time();
    aio::Task<std::string> tent;
    try {
        co_await aio::task_group([&](aio::TaskGroup& tg) -> aio::Coroutine<> {
            tent = tg.create_task(pack("tent", 0.3));
            tg.create_task(pack_fragile("lantern", 0.1));
            co_return;
        });
    } catch (const aio::ExceptionGroup& group) {  // except* ValueError
        // The lantern failed at 0.1 s; the group cancelled the tent at once instead of
        // letting it run to 0.3 s, then raised. (With several siblings to cancel, Python's group
        // cancels them in no particular order, so this example keeps just one.)
        std::cout << "caught: " << group.what() << "\n";
        for (const std::exception_ptr& err : errors_of<aio::ValueError>(group))
            std::cout << "  ValueError: " << py::str(err) << "\n";
    }
    std::cout << "after " << py::fixed(loop.time() - start, 1) << " s; tent cancelled? " << py::str(tent.cancelled())
              << "\n";

    std::cout << "== two tasks fail in the same iteration\n";
    try {
        co_await aio::task_group([](aio::TaskGroup& tg) -> aio::Coroutine<> {
            // Both tasks take their first step in the same loop iteration and fail there,
            // before the group hears of either failure, so it collects both.
            tg.create_task(check_weight("anvil", 40));
            tg.create_task(check_label("box 7"));
            co_return;
        });
    } catch (const aio::ExceptionGroup& group) {
        // except* runs every clause whose type is in the group.
        if (auto errors = errors_of<aio::ValueError>(group); !errors.empty())
            std::cout << "except* ValueError got " << errors.size() << " - " << py::str(errors[0]) << "\n";
        if (auto errors = errors_of<KeyError>(group); !errors.empty())
            std::cout << "except* KeyError got " << errors.size() << " - " << py::str(errors[0]) << "\n";
    }
}

}  // namespace

int main() {
    aio::run(async_main());
    return 0;
}
