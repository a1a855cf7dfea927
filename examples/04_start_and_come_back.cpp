// Starting work and coming back to it.
// A coroutine object kept for later starts only when awaited: A B C D. A Task (ensure_future,
// create_task) starts as soon as the caller yields and runs while it works on: C A B D.
#include <iostream>
#include <string>

#include "aio/aio.hpp"
#include "pyfmt.hpp"

namespace {

aio::Coroutine<std::string> announce() {
    std::cout << "C\n";
    co_await aio::sleep(0.2);
    co_return "D";
}

aio::Coroutine<> coroutine_kept_for_later() {
    aio::Coroutine<std::string> later = announce();  // a coroutine object: nothing runs yet
    co_await aio::sleep(0.1);                        // our own work; announce has not started
    std::cout << "A\n";
    std::cout << "B\n";
    std::cout << co_await later << "\n";  // announce starts only now: C, then 0.2 s, then D
}

aio::Coroutine<> task_started_first() {
    // ensure_future wraps the coroutine in a Task (create_task is the newer spelling).
    aio::Task<std::string> running = aio::ensure_future(announce());
    co_await aio::sleep(0.1);  // we yield: the loop starts the task, which prints C
    std::cout << "A\n";
    std::cout << "B\n";
    std::cout << co_await running << "\n";  // it has been sleeping alongside us; 0.1 s remain
}

aio::Coroutine<> task_without_yielding() {
    aio::Task<std::string> running = aio::create_task(announce());
    std::cout << "A\n";                     // no await yet, so the loop has not had a turn:
    std::cout << "B\n";                     // the task is scheduled but has not started
    std::cout << co_await running << "\n";  // our first yield: now C, then D
}

aio::Coroutine<> timed(std::string label, aio::Coroutine<> (*demo)()) {
    aio::EventLoop& loop = aio::get_running_loop();
    std::cout << "== " << label << "\n";
    double start = loop.time();
    co_await demo();
    std::cout << "   took " << py::fixed(loop.time() - start, 1) << " s\n";
}

aio::Coroutine<> async_main() {
    co_await timed("coroutine object awaited later: A B C D", coroutine_kept_for_later);
    co_await timed("task started first, then we yield: C A B D", task_started_first);
    co_await timed("task started, but we print before yielding: A B C D", task_without_yielding);
}

}  // namespace

int main() {
    aio::run(async_main());
    return 0;
}
