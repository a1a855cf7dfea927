// An async function.
// Calling a function that returns aio::Coroutine runs nothing: it returns a coroutine object,
// a paused call. The body runs when the object is awaited. A plain function runs at once.
#include <iostream>
#include <string>

#include "aio/aio.hpp"
#include "pyfmt.hpp"

namespace {

int weigh_flour(int grams) {
    std::cout << "  weigh_flour: runs as soon as it is called\n";
    return grams;
}

aio::Coroutine<std::string> knead(int minutes) {
    std::cout << "  knead: now the body runs, for " << minutes << " minutes\n";
    co_await aio::sleep(0.1);
    co_return "smooth dough";
}

aio::Coroutine<> nothing_to_wait_for() {
    co_return;  // an async function does not need to await anything; it still makes a coroutine
}

// The Python version's main(); in C++ that name belongs to the program's entry point.
aio::Coroutine<> async_main() {
    std::cout << "calling weigh_flour(500)\n";
    int grams = weigh_flour(500);
    std::cout << "got " << grams << "\n";

    std::cout << "calling knead(10)\n";
    aio::Coroutine<std::string> step = knead(10);  // no output: the call only built a coroutine object
    std::cout << "got a " << py::type_name(step) << " object\n";
    std::cout << "awaiting it\n";
    std::string result = co_await step;  // the body starts here, inside this task, and we wait for its return
    std::cout << "await gave back " << result << "\n";

    // Like print(), build the whole line first: the await runs before anything is printed.
    std::cout << "the usual one-liner: " + co_await knead(5) + "\n";
    co_await nothing_to_wait_for();  // a void coroutine gives back nothing: Python's None
    std::cout << "an empty async function returns None\n";
}

}  // namespace

int main() {
    // aio::run also takes a coroutine object that was made earlier; it starts it on a new loop.
    aio::Coroutine<> program = async_main();
    std::cout << "main() made a " << py::type_name(program) << " - nothing has run yet\n";
    aio::run(std::move(program));
    return 0;
}
