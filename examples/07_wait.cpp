// Running in parallel with aio::wait.
// wait() runs a collection of Tasks at once and returns two lists, done and pending (Python:
// sets, which have no useful order, so the Python version sorts them). timeout and return_when
// can end it early.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "aio/aio.hpp"
#include "aio/wait.hpp"
#include "pyfmt.hpp"

namespace {

using Tasks = std::vector<aio::Task<std::string>>;

aio::Coroutine<std::string> download(std::string name, double seconds) {
    std::cout << "  start " << name << "\n";
    co_await aio::sleep(seconds);
    std::cout << "  finished " << name << "\n";
    co_return name;
}

// sorted(t.result() for t in tasks)
std::vector<std::string> sorted_results(const Tasks& tasks) {
    std::vector<std::string> results;
    for (const auto& t : tasks) results.push_back(t.result());
    std::sort(results.begin(), results.end());
    return results;
}

aio::Coroutine<> async_main() {
    aio::EventLoop& loop = aio::get_running_loop();

    std::cout << "== wait for all\n";
    double start = loop.time();
    // Old tutorials handed wait() bare coroutines. Up to 3.10 asyncio wrapped them in Tasks while
    // walking a set, so they started in a shuffled order; 3.8 deprecated that and 3.11 refuses
    // it (TypeError); aio::wait takes only Tasks and Futures. Making the Tasks ourselves fixes the
    // start order: creation order.
    Tasks tasks;
    for (int n : {3, 1, 2}) tasks.push_back(aio::create_task(download("file-" + std::to_string(n), 0.1 * n)));
    auto [done, pending] = co_await aio::wait(tasks);
    std::cout << "done: " << done.size() << " pending: " << pending.size() << "\n";
    std::cout << "results, sorted: " << py::repr(sorted_results(done)) << "\n";
    // All three slept at the same time, so this is the longest sleep, not the sum.
    std::cout << "took " << py::fixed(loop.time() - start, 1) << " s\n";

    std::cout << "== wait with a timeout\n";
    start = loop.time();
    tasks.clear();
    for (int n : {1, 3, 4}) tasks.push_back(aio::create_task(download("part-" + std::to_string(n), 0.1 * n)));
    aio::WaitResult<aio::Task<std::string>> waited = co_await aio::wait(tasks, /*timeout=*/0.2);
    // The timeout does not cancel anything: pending tasks keep running.
    std::cout << "after " << py::fixed(loop.time() - start, 1) << " s: done " << waited.done.size() << " pending "
              << waited.pending.size() << "\n";
    std::cout << "done so far: " << py::repr(sorted_results(waited.done)) << "\n";

    waited = co_await aio::wait(waited.pending, aio::FIRST_COMPLETED);
    std::cout << "after " << py::fixed(loop.time() - start, 1) << " s: done " << waited.done.size() << " pending "
              << waited.pending.size() << "\n";
    std::cout << "first of the rest: " << py::repr(sorted_results(waited.done)) << "\n";

    waited = co_await aio::wait(waited.pending);
    std::cout << "after " << py::fixed(loop.time() - start, 1) << " s: done " << waited.done.size() << " pending "
              << waited.pending.size() << "\n";
    std::cout << "last one: " << py::repr(sorted_results(waited.done)) << "\n";
}

}  // namespace

int main() {
    aio::run(async_main());
    return 0;
}
