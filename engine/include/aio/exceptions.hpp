#pragma once
// asyncio's exception types. All derive from std::exception so a C++ program
// can report them uniformly; like Python's `except BaseException`, a bare
// `catch (const std::exception&)` therefore also catches cancellation — catch
// CancelledError first (or rethrow it) in code that must stay cancellable.

#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace aio {

// asyncio.CancelledError: delivered at the await point of a cancelled task.
class CancelledError : public std::exception {
public:
    explicit CancelledError(std::string msg = {}) : m_msg(std::move(msg)) {}
    const char* what() const noexcept override { return m_msg.c_str(); }
    const std::string& message() const noexcept { return m_msg; }

private:
    std::string m_msg;  // the msg passed to Task.cancel(msg); may be empty
};

// asyncio.InvalidStateError: an operation that the future's state forbids.
class InvalidStateError : public std::logic_error {
    using std::logic_error::logic_error;
};

// TimeoutError (asyncio.TimeoutError is the builtin TimeoutError since 3.11).
class TimeoutError : public std::runtime_error {
public:
    TimeoutError() : std::runtime_error("") {}
    using std::runtime_error::runtime_error;
};

// Python's RuntimeError, raised by asyncio for loop misuse.
class RuntimeError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Python's ValueError (e.g. BoundedSemaphore released too many times).
class ValueError : public std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

class QueueEmpty : public std::runtime_error {
public:
    QueueEmpty() : std::runtime_error("") {}
};

class QueueFull : public std::runtime_error {
public:
    QueueFull() : std::runtime_error("") {}
};

// asyncio.QueueShutDown (3.13): put/get on a queue after shutdown().
class QueueShutDown : public std::runtime_error {
public:
    QueueShutDown() : std::runtime_error("") {}
};

// asyncio.BrokenBarrierError.
class BrokenBarrierError : public std::runtime_error {
public:
    BrokenBarrierError() : std::runtime_error("") {}
    using std::runtime_error::runtime_error;
};

// ExceptionGroup: what TaskGroup raises when children fail; holds every
// child error, in the order they happened.
class ExceptionGroup : public std::runtime_error {
public:
    ExceptionGroup(std::string msg, std::vector<std::exception_ptr> errors)
        : std::runtime_error(msg + " (" + std::to_string(errors.size()) + " sub-exception" +
                             (errors.size() == 1 ? "" : "s") + ")"),
          m_message(std::move(msg)), m_exceptions(std::move(errors)) {}
    const std::string& message() const noexcept { return m_message; }
    const std::vector<std::exception_ptr>& exceptions() const noexcept { return m_exceptions; }

private:
    std::string m_message;
    std::vector<std::exception_ptr> m_exceptions;
};

// An exception of another runtime carried through the engine (the script
// layer's Python exceptions): it knows its own repr, which describe_exception
// shows as it is instead of `TypeName('what')`.
class ForeignException : public std::exception {
public:
    virtual std::string repr() const = 0;
};

// One line describing an exception_ptr, as Python's `repr(exc)` would:
// the C++ type name for unknown types, `CancelledError('msg')` for ours, a
// ForeignException's own repr().
std::string describe_exception(const std::exception_ptr& e);

}  // namespace aio
