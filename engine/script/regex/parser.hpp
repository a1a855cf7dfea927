// parser.hpp — CPython's re syntax to a node tree (re._parser.parse).
#pragma once

#include <string_view>

#include "regex/node.hpp"

namespace aio::script::regex {

// Parses `pattern` (code points) with the flags given to re.compile. False
// with `err` filled (CPython's message and position) on a bad pattern.
bool parse(std::u32string_view pattern, uint32_t flags, Parsed& out, Error& err);

// The UTF-8 of a run of code points (for messages and group names).
std::string to_utf8(std::u32string_view s);

}  // namespace aio::script::regex
