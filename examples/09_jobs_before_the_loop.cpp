// Queueing jobs before the loop runs, and firing them later.
// Tasks created on a loop that is not running only wait in line. Each run_until_complete call,
// at a "processing point" you choose, runs the loop just until its argument is done.
#include <cctype>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "aio/aio.hpp"
#include "aio/gather.hpp"
#include "pyfmt.hpp"

namespace {

aio::Coroutine<std::string> print_label(std::string parcel, double seconds) {
    std::cout << "  printing label for " << parcel << "\n";
    co_await aio::sleep(seconds);
    std::cout << "  label ready for " << parcel << "\n";
    for (char& c : parcel) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    co_return parcel;  // parcel.upper()
}

}  // namespace

int main() {
    // Old tutorials wrote asyncio.get_event_loop() here and let asyncio create a loop on the
    // fly; newer Pythons deprecate that, so we create and install the loop ourselves.
    std::unique_ptr<aio::EventLoop> loop = aio::new_event_loop();
    aio::set_event_loop(loop.get());

    std::vector<aio::Task<std::string>> jobs;
    jobs.push_back(aio::create_task(*loop, print_label("books", 0.2)));
    std::cout << "queued books\n";
    jobs.push_back(aio::create_task(*loop, print_label("tea", 0.2)));
    std::cout << "queued tea\n";
    std::cout << "...doing other things; the loop is not running, so nothing has started\n";
    // gather() also works before the loop runs: it wraps the coroutines in Tasks on the loop we set.
    std::vector<aio::Coroutine<std::string>> pair;
    pair.push_back(print_label("socks", 0.1));
    pair.push_back(print_label("maps", 0.1));
    aio::Future<std::vector<std::string>> batch = aio::gather(std::move(pair));
    std::cout << "queued a batch of two\n";

    std::cout << "== processing point 1\n";
    double start = loop->time();
    std::vector<std::string> results = aio::run_until_complete(*loop, aio::gather(jobs));
    std::cout << "results: " << py::repr(results) << "\n";
    // The batch ran alongside and finished first, so this returns without running the loop long.
    std::vector<std::string> batch_results = aio::run_until_complete(*loop, batch);
    std::cout << "batch results: " << py::repr(batch_results) << "\n";
    std::cout << "took " << py::fixed(loop->time() - start, 1) << " s for all four: they ran side by side\n";

    std::cout << "== one more job, then a single turn of the loop\n";
    aio::Task<std::string> late = aio::create_task(*loop, print_label("lamp", 0.1));
    // gather() with no arguments is already done, so the loop stops after one iteration: the
    // queued job runs up to its first await and no further. (Old tutorials fired their queue this
    // way; it only works for jobs that never wait on anything.)
    aio::run_until_complete(*loop, aio::gather());
    std::cout << "after one turn, done? " << py::str(late.done()) << "\n";

    std::cout << "== processing point 2\n";
    std::string result = aio::run_until_complete(*loop, late);
    std::cout << "result: " << result << "\n";
    loop->close();
    return 0;
}
