// collections.hpp — collections.deque's layout, for C++ code that works on
// deques directly (asyncio.Queue's fast paths).
#pragma once

#include <deque>

#include "vm/vm.hpp"

namespace aio::script {

struct DequeObject : CxxObject {
    std::deque<Value> items;
    int64_t maxlen = -1;
    void clear_refs() override { items.clear(); }
};

// The deque (or deque subclass instance) in v, or null.
inline DequeObject* as_deque(VM& vm, const Value& v) {
    if (!vm.t_deque || !is_kind(v, ObjKind::Cxx) || !VM::is_subtype(vm.type_of(v), vm.t_deque)) return nullptr;
    return static_cast<DequeObject*>(v.as<CxxObject>());
}

}  // namespace aio::script
