// Gathering results in order.
// gather() runs its arguments at once and returns their results in argument order, whatever
// order they finished in. With aio::return_exceptions a failure fills its slot instead.
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "aio/aio.hpp"
#include "aio/gather.hpp"
#include "pyfmt.hpp"

namespace {

std::vector<std::string> finish_order;

// Python's built-in ConnectionError.
class ConnectionError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

aio::Coroutine<std::string> forecast(std::string city, double seconds) {
    std::cout << "  asking " << city << "\n";
    co_await aio::sleep(seconds);
    finish_order.push_back(city);
    std::cout << "  answer from " << city << "\n";
    co_return city + ": sunny";
}

// Declared to return a forecast, like forecast(), so both fit in one gather; it never does.
aio::Coroutine<std::string> broken_station(std::string city) {
    co_await aio::sleep(0.1);
    throw ConnectionError(city + " station is offline");
}

aio::Coroutine<> async_main() {
    aio::EventLoop& loop = aio::get_running_loop();
    finish_order.clear();  // the runner may run this example more than once in one process
    std::cout << "== three forecasts\n";
    double start = loop.time();
    // Python 3.6's gather walked a set of its arguments, so old tutorials saw jobs start in a
    // shuffled order. Since 3.7 the Tasks are made, and so start, in argument order.
    auto [oslo, lima, pune] = co_await aio::gather(forecast("Oslo", 0.3), forecast("Lima", 0.1), forecast("Pune", 0.2));
    std::vector<std::string> results{oslo, lima, pune};
    std::cout << "finish order: " << py::repr(finish_order) << "\n";
    std::cout << "result order: " << py::repr(results) << "\n";
    // Three sleeps side by side: the slowest one sets the pace.
    std::cout << "took " << py::fixed(loop.time() - start, 1) << " s\n";

    std::cout << "== one station fails\n";
    std::vector<aio::Coroutine<std::string>> jobs;
    jobs.push_back(forecast("Kyiv", 0.2));
    jobs.push_back(broken_station("Reno"));
    // Each result is an aio::Outcome: the value, or the exception that took its place.
    std::vector<aio::Outcome<std::string>> outcomes = co_await aio::gather(aio::return_exceptions, std::move(jobs));
    for (const aio::Outcome<std::string>& r : outcomes)
        std::cout << "got " << py::type_name(r) << " - " << py::str(r) << "\n";
}

}  // namespace

int main() {
    aio::run(async_main());
    return 0;
}
