// Await chaining.
// Coroutines awaiting coroutines run like nested calls, one after the other: return values flow
// back to the caller, exceptions travel back up the chain, and nothing runs concurrently.
#include <iostream>
#include <string>
#include <vector>

#include "aio/aio.hpp"
#include "pyfmt.hpp"

namespace {

aio::Coroutine<std::string> toast(int slices) {
    std::cout << "    toast: browning " << slices << " slices\n";
    co_await aio::sleep(0.1);
    co_return std::to_string(slices) + " toast";
}

aio::Coroutine<std::string> eggs(int count) {
    std::cout << "    eggs: frying " << count << "\n";
    co_await aio::sleep(0.2);
    if (count > 4) throw aio::ValueError("only 4 eggs in the fridge, asked for " + std::to_string(count));
    co_return std::to_string(count) + " eggs";
}

aio::Coroutine<std::vector<std::string>> plate(int slices, int count) {
    std::cout << "  plate: start\n";
    std::string first = co_await toast(slices);  // toast runs to the end before the next line
    std::string second = co_await eggs(count);   // then eggs starts: the two waits add up
    std::cout << "  plate: done\n";
    co_return std::vector<std::string>{first, second};
}

aio::Coroutine<> async_main() {
    aio::EventLoop& loop = aio::get_running_loop();
    double start = loop.time();
    std::cout << "main: ordering breakfast\n";
    std::vector<std::string> result = co_await plate(2, 3);
    std::cout << "main: got " << py::repr(result) << "\n";
    // 0.1 s of toast plus 0.2 s of eggs: the chain is sequential.
    std::cout << "main: took " << py::fixed(loop.time() - start, 1) << " s\n";

    std::cout << "main: ordering a big breakfast\n";
    try {
        co_await plate(4, 6);
    } catch (const aio::ValueError& err) {
        // Thrown two calls down; plate did not catch it, so it reached us.
        std::cout << "main: ValueError came back up the chain: " << err.what() << "\n";
    }
}

}  // namespace

int main() {
    aio::run(async_main());
    return 0;
}
