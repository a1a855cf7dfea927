// A Task awaited twice vs a coroutine awaited twice.
// A Task runs once and keeps its outcome, so every await gets the same result. A coroutine
// object is used up by its first await; a second await throws aio::RuntimeError.
#include <iostream>
#include <string>

#include "aio/aio.hpp"
#include "pyfmt.hpp"

namespace {

aio::Coroutine<std::string> bake(std::string loaf) {
    std::cout << "  baking " << loaf << "\n";
    co_await aio::sleep(0.1);
    co_return loaf + " loaf";
}

aio::Coroutine<> async_main() {
    std::cout << "== a Task\n";
    aio::Task<std::string> task = aio::create_task(bake("rye"));
    std::cout << "done before await? " << py::str(task.done()) << "\n";
    // As with print(), the await finishes before the line is printed, so build the line first.
    std::cout << "first await: " + co_await task + "\n";
    std::cout << "second await: " + co_await task + "\n";  // already done: returns at once, no second bake
    std::cout << "done after await? " << py::str(task.done()) << " - result(): " << task.result() << "\n";

    std::cout << "== a coroutine object\n";
    aio::Coroutine<std::string> coro = bake("spelt");
    std::cout << "first await: " + co_await coro + "\n";
    try {
        std::cout << "second await: " + co_await coro + "\n";
    } catch (const aio::RuntimeError& err) {
        // The coroutine finished; there is no stored result to hand out again.
        std::cout << "second await raised RuntimeError: " << err.what() << "\n";
    }
}

}  // namespace

int main() {
    aio::run(async_main());
    return 0;
}
