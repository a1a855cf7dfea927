// Creating and running a loop.
// Coroutines only make progress while an event loop runs them. Build and drive a loop yourself
// (new_event_loop, set_event_loop, run_until_complete, close), or let aio::run() do it all.
#include <iostream>
#include <memory>

#include "aio/aio.hpp"
#include "pyfmt.hpp"

namespace {

aio::Coroutine<int> boil_kettle(int cups) {
    aio::EventLoop& loop = aio::get_running_loop();
    std::cout << "  kettle: loop running? " << py::str(loop.is_running()) << "\n";
    std::cout << "  kettle: heating water for " << cups << " cups\n";
    co_await aio::sleep(0.2);  // hands control back to the loop until the timer fires
    std::cout << "  kettle: boiled\n";
    co_return cups * 250;
}

}  // namespace

int main() {
    std::cout << "== the long way: a loop of our own\n";
    // Older tutorials wrote get_event_loop().run_until_complete(...) and let asyncio create the
    // loop behind their back; newer Pythons deprecate that implicit creation, so we make it.
    std::unique_ptr<aio::EventLoop> loop = aio::new_event_loop();
    aio::set_event_loop(loop.get());
    std::cout << "loop running? " << py::str(loop->is_running()) << "\n";
    double start = loop->time();
    int ml = aio::run_until_complete(*loop, boil_kettle(2));  // runs the loop until the coroutine returns
    std::cout << "run_until_complete returned " << ml << "\n";
    std::cout << "seconds on the loop clock: " << py::fixed(loop->time() - start, 1) << "\n";
    std::cout << "loop running? " << py::str(loop->is_running()) << "\n";
    loop->close();
    aio::set_event_loop(nullptr);  // forget the closed loop, as aio::run does when it finishes
    std::cout << "loop closed? " << py::str(loop->is_closed()) << "\n";

    std::cout << "== the short way: asyncio.run\n";
    // aio::run makes a fresh loop, runs this one coroutine to the end, then closes the loop.
    ml = aio::run(boil_kettle(3));
    std::cout << "asyncio.run returned " << ml << "\n";
    return 0;
}
