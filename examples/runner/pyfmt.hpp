#pragma once
// Printing values the way the Python versions of the examples print them, so
// a C++ port writes exactly the same text with std::cout:
//
//     std::cout << "took " << py::fixed(loop.time() - start, 1) << " s\n";  // f"{x:.1f}"
//     std::cout << "done? " << py::str(task.done()) << "\n";                 // True / False
//     std::cout << "results: " << py::repr(results) << "\n";                 // ['a', 'b']
//
// Only what the examples need: bools, ints, doubles with a fixed number of
// decimals, strings, vectors of those, and the Python name of a value's type.

#include <cstdio>
#include <exception>
#include <string>
#include <type_traits>
#include <vector>

#include "aio/aio.hpp"
#include "aio/gather.hpp"

namespace py {

// f"{x:.Nf}": fixed notation, rounded half to even on the exact binary value
// (what both CPython and printf do).
inline std::string fixed(double x, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, x);
    return buf;
}

// str(b) for a bool.
inline const char* str(bool b) { return b ? "True" : "False"; }

// repr(s) for a str: single quotes unless the text holds a single quote and no
// double quote; backslashes, the chosen quote and control characters escaped.
inline std::string repr(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    for (unsigned char c : s) {
        if (c == '\\' || c == static_cast<unsigned char>(quote)) {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += quote;
    return out;
}
inline std::string repr(const char* s) { return repr(std::string(s)); }
inline std::string repr(bool b) { return str(b); }
template <class T>
requires std::is_integral_v<T> std::string repr(T v) { return std::to_string(v); }

// repr(list): "[1, 2, 3]", "['a', 'b']".
template <class T>
std::string repr(const std::vector<T>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += repr(items[i]);
    }
    return out + "]";
}

// type(x).__name__ for the kinds of values the examples inspect.
inline const char* type_name(const std::string&) { return "str"; }
template <class T>
const char* type_name(const aio::Coroutine<T>&) {
    return "coroutine";
}
template <class T>
const char* type_name(const aio::Task<T>&) {
    return "Task";
}
// The class of an exception: its C++ type name without namespaces, which the
// examples choose to be Python's (ConnectionError, ValueError, ...).
std::string type_name(const std::exception_ptr& e);
// An element of gather(return_exceptions, ...): the value's type or the exception's.
template <class T>
std::string type_name(const aio::Outcome<T>& o) {
    if (o.exception()) return type_name(o.exception());
    return type_name(o.value());
}

// str(x) for an exception object: its message (Python prints str(err)).
std::string str(const std::exception_ptr& e);
template <class T>
std::string str(const aio::Outcome<T>& o) {
    if (o.exception()) return str(o.exception());
    return o.value();
}

}  // namespace py
