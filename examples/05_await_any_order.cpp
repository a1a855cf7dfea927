// Awaiting in any order.
// Coroutine objects run one at a time, each when it is awaited, so await order is run order.
// Tasks all start when the caller first yields, in creation order, whatever the await order.
#include <iostream>
#include <string>
#include <vector>

#include "aio/aio.hpp"
#include "pyfmt.hpp"

namespace {

aio::Coroutine<std::string> water(std::string plant) {
    std::cout << "  start watering " << plant << "\n";
    co_await aio::sleep(0.1);
    std::cout << "  done watering " << plant << "\n";
    co_return plant;
}

aio::Coroutine<> async_main() {
    aio::EventLoop& loop = aio::get_running_loop();

    std::cout << "== coroutine objects, awaited out of order\n";
    double start = loop.time();
    aio::Coroutine<std::string> fern = water("fern");
    aio::Coroutine<std::string> basil = water("basil");
    aio::Coroutine<std::string> cactus = water("cactus");
    co_await cactus;  // runs cactus to the end (0.1 s) ...
    co_await fern;    // ... then fern ...
    co_await basil;   // ... then basil
    std::cout << "took " << py::fixed(loop.time() - start, 1) << " s: one after another\n";

    std::cout << "== odd positions first, then even ones\n";
    start = loop.time();
    std::vector<aio::Coroutine<std::string>> row;
    for (int n : {1, 2, 3, 4, 5}) row.push_back(water(std::to_string(n)));
    for (int i : {0, 2, 4, 1, 3}) co_await row[i];
    std::cout << "took " << py::fixed(loop.time() - start, 1) << " s\n";

    std::cout << "== tasks, awaited out of order\n";
    start = loop.time();
    aio::Task<std::string> fern_task = aio::create_task(water("fern"));
    aio::Task<std::string> basil_task = aio::create_task(water("basil"));
    aio::Task<std::string> cactus_task = aio::create_task(water("cactus"));
    // Our first await yields to the loop, which starts all three tasks in creation order.
    // They sleep side by side, so by the time cactus is done the others are too.
    std::vector<std::string> got;
    got.push_back(co_await cactus_task);
    got.push_back(co_await fern_task);
    got.push_back(co_await basil_task);
    std::cout << "results in await order: " << py::repr(got) << "\n";
    std::cout << "took " << py::fixed(loop.time() - start, 1) << " s: side by side\n";
}

}  // namespace

int main() {
    aio::run(async_main());
    return 0;
}
