// Cancellation.
// task.cancel() asks a task to stop: aio::CancelledError is thrown at the await where it waits,
// its cleanup runs, and it ends cancelled. Whoever awaits it gets CancelledError too.
#include <iostream>
#include <string>

#include "aio/aio.hpp"
#include "pyfmt.hpp"

namespace {

aio::Coroutine<> patrol(std::string guard) {
    aio::EventLoop& loop = aio::get_running_loop();
    double start = loop.time();
    int rounds = 0;
    // Python's `finally:` as a C++ destructor: it runs however the body is left.
    struct LockGate {
        const std::string& guard;
        const int& rounds;
        ~LockGate() { std::cout << "  " << guard << " locks the gate after " << rounds << " rounds\n"; }
    } finally{guard, rounds};
    try {
        while (true) {
            rounds += 1;
            std::cout << "  " << guard << " round " << rounds << " at " << py::fixed(loop.time() - start, 1) << " s\n";
            co_await aio::sleep(0.2);  // cancellation lands here
        }
    } catch (const aio::CancelledError& err) {
        std::cout << "  " << guard << " got CancelledError, message: " << err.what() << "\n";
        throw;  // swallowing it would make the task look finished instead of cancelled
    }
}

aio::Coroutine<> async_main() {
    aio::EventLoop& loop = aio::get_running_loop();
    double start = loop.time();
    aio::Task<> task = aio::create_task(patrol("Mira"));
    co_await aio::sleep(0.5);  // rounds start at 0.0, 0.2, 0.4; the third sleep is in progress
    std::cout << "cancelling at " << py::fixed(loop.time() - start, 1) << " s\n";
    std::cout << "cancel() returned " << py::str(task.cancel("end of shift")) << "\n";
    // cancel() only makes a request; the task has not had its turn yet, so it is not cancelled.
    std::cout << "cancelled right after cancel()? " << py::str(task.cancelled()) << "\n";
    try {
        co_await task;  // the task runs its cleanup, then this await throws too
    } catch (const aio::CancelledError&) {
        std::cout << "awaiting the task raised CancelledError\n";
    }
    std::cout << "cancelled now? " << py::str(task.cancelled()) << "\n";
    std::cout << "cancel() on a finished task returns " << py::str(task.cancel()) << "\n";

    std::cout << "== cancelling before the first step\n";
    task = aio::create_task(patrol("Theo"));
    task.cancel();  // it never started, so it never runs at all: no rounds, no cleanup
    try {
        co_await task;
    } catch (const aio::CancelledError&) {
        std::cout << "Theo's task cancelled? " << py::str(task.cancelled()) << "\n";
    }
}

}  // namespace

int main() {
    aio::run(async_main());
    return 0;
}
