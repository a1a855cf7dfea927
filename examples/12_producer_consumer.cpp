// A producer/consumer Queue.
// put() waits while a bounded Queue is full, get() while it is empty, so producer and consumers
// pace each other. task_done() per item lets join() wait until all the work is finished.
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "aio/aio.hpp"
#include "aio/gather.hpp"
#include "aio/queues.hpp"
#include "pyfmt.hpp"

namespace {

using Ticket = std::pair<std::string, double>;  // (dish, seconds)

const std::vector<Ticket> ORDERS = {{"margherita", 0.2}, {"funghi", 0.1},  {"marinara", 0.2},
                                    {"diavola", 0.3},    {"calzone", 0.3}, {"quattro", 0.1}};

aio::Coroutine<> order_desk(aio::Queue<Ticket>& rail) {
    for (const auto& [dish, seconds] : ORDERS) {
        if (rail.full()) std::cout << "desk: rail full, waiting to add " << dish << "\n";
        co_await rail.put({dish, seconds});  // waits here while the rail holds maxsize tickets
        std::cout << "desk: added " << dish << " - tickets on rail: " << rail.qsize() << "\n";
    }
    std::cout << "desk: all orders in\n";
}

aio::Coroutine<> cook(std::string name, aio::Queue<Ticket>& rail, double clock_start) {
    aio::EventLoop& loop = aio::get_running_loop();
    while (true) {
        auto [dish, seconds] = co_await rail.get();  // waits here while the rail is empty
        std::cout << name << " starts " << dish << " at " << py::fixed(loop.time() - clock_start, 1) << "\n";
        co_await aio::sleep(seconds);
        std::cout << name << " serves " << dish << " at " << py::fixed(loop.time() - clock_start, 1) << "\n";
        rail.task_done();
    }
}

aio::Coroutine<> async_main() {
    aio::EventLoop& loop = aio::get_running_loop();
    double start = loop.time();
    aio::Queue<Ticket> rail(/*maxsize=*/2);
    std::vector<aio::Task<>> cooks;
    for (std::string name : {"Ana", "Ben", "Cy"}) cooks.push_back(aio::create_task(cook(name, rail, start)));
    // The cooks are only scheduled; the desk runs first, inline. put() on a queue with room
    // does not yield, so two tickets are on the rail before any cook has started, and the
    // desk's first wait (rail full) is what lets the cooks run.
    co_await order_desk(rail);
    co_await rail.join();  // every ticket served, not just taken off the rail
    std::cout << "all served at " << py::fixed(loop.time() - start, 1) << "\n";
    for (auto& c : cooks) c.cancel();                     // the cooks are idle in rail.get(); stop them
    co_await aio::gather(aio::return_exceptions, cooks);  // let them finish cancelling
    std::vector<bool> cancelled;
    for (auto& c : cooks) cancelled.push_back(c.cancelled());
    std::cout << "cooks cancelled: " << py::repr(cancelled) << "\n";
}

}  // namespace

int main() {
    aio::run(async_main());
    return 0;
}
