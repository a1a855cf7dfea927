// match.hpp — the runtime half of `match` statements (the MATCH_* opcodes).
//
// The compiler (compile/compiler.cpp, [SECTION] Match statements) turns each
// pattern into plain stack code around these tests, as CPython 3.11 does.
#pragma once

#include "vm/vm.hpp"

namespace aio::script {

// Whether v is a Sequence a sequence pattern matches (list, tuple, range,
// deque and their subclasses; never str, bytes or bytearray).
bool match_sequence(VM& vm, const Value& v);
// Whether v is a Mapping a mapping pattern matches (dict and its subclasses).
bool match_mapping(VM& vm, const Value& v);
// The values of `keys` (a tuple) in map, looked up with map.get: a tuple, or
// None if a key is missing; Null with an exception set on error (duplicate
// keys are a ValueError).
Value match_keys(VM& vm, const Value& map, const Value& keys);
// The nargs positional (through __match_args__) and the keyword attributes
// `names` (a tuple of str) of subject, if it is an instance of cls: a tuple,
// or None if not an instance or an attribute is missing; Null on error.
Value match_class(VM& vm, const Value& subject, const Value& cls, uint32_t nargs, const Value& names);

}  // namespace aio::script
