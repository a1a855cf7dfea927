#pragma once
// Every C++ example, by name. Each examples/NN_name.cpp is compiled with its
// `int main()` renamed to aio_example_NN_name (see examples/CMakeLists.txt),
// and CMake generates the table below from the list of examples, so the
// command-line runner and the web playground link the very same programs.

#include <cstddef>
#include <string_view>

namespace aio_examples {

struct Example {
    const char* name;  // "01_event_loop": the file name without .cpp
    int (*main)();     // the example's main(); prints to std::cout
};

// In the order of examples/catalog.txt (the learning order).
extern const Example examples[];
extern const std::size_t example_count;

// The example called `name`, or null.
const Example* find_example(std::string_view name);

}  // namespace aio_examples
