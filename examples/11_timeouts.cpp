// Timeouts.
// wait_for() and aio::timeout() (Python 3.11's `async with asyncio.timeout()`) put a deadline
// on awaits. Both work by cancelling the late work, then turn that cancellation into
// aio::TimeoutError for the caller.
#include <iostream>
#include <string>

#include "aio/aio.hpp"
#include "aio/timeouts.hpp"
#include "aio/wait.hpp"
#include "pyfmt.hpp"

namespace {

aio::Coroutine<std::string> brew(std::string drink, double seconds) {
    std::cout << "  brewing " << drink << "\n";
    try {
        co_await aio::sleep(seconds);
    } catch (const aio::CancelledError&) {
        std::cout << "  brewing " << drink << " was cancelled\n";
        throw;  // let the cancellation finish; wait_for turns it into TimeoutError
    }
    std::cout << "  served " << drink << "\n";
    co_return drink;
}

aio::Coroutine<> async_main() {
    aio::EventLoop& loop = aio::get_running_loop();

    std::cout << "== wait_for, in time\n";
    // As with print(), the await finishes before the line is printed, so build the line first.
    std::cout << "got " + co_await aio::wait_for(brew("espresso", 0.1), /*timeout=*/0.3) + "\n";

    std::cout << "== wait_for, too slow\n";
    double start = loop.time();
    try {
        co_await aio::wait_for(brew("cold brew", 0.5), /*timeout=*/0.2);
    } catch (const aio::TimeoutError&) {
        // In Python 3.11 asyncio.TimeoutError is the built-in TimeoutError; older code caught
        // asyncio.TimeoutError, which still works as the same class.
        std::cout << "TimeoutError after " << py::fixed(loop.time() - start, 1) << " s\n";
    }

    std::cout << "== asyncio.timeout around a block\n";
    start = loop.time();
    try {
        // `async with asyncio.timeout(0.3):` — the block is a coroutine the scope awaits inline.
        co_await aio::timeout(0.3, [](aio::Timeout&) -> aio::Coroutine<> {
            co_await brew("tea", 0.1);    // 0.1 s used, 0.2 s left
            co_await brew("cocoa", 0.4);  // would end at 0.5 s: the deadline hits first
            std::cout << "never printed\n";
        });
    } catch (const aio::TimeoutError&) {
        std::cout << "TimeoutError after " << py::fixed(loop.time() - start, 1) << " s\n";
    }
}

}  // namespace

int main() {
    aio::run(async_main());
    return 0;
}
