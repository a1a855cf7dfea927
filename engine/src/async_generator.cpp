// AsyncGenerator's errors, worded as CPython 3.11 words them.

#include "aio/async_generator.hpp"

#include <string>

namespace aio::detail {

void throw_async_generator_running(const char* op) {
    throw RuntimeError(std::string(op) + "(): asynchronous generator is already running");
}

void throw_async_generator_empty() { throw RuntimeError("cannot iterate an empty AsyncGenerator"); }

// CPython raises TypeError here; the engine has no TypeError, and a
// just-started generator receiving a value is loop misuse like the others.
void throw_send_to_just_started() { throw RuntimeError("can't send non-None value to a just-started async generator"); }

}  // namespace aio::detail
