// match.cpp — the runtime half of `match` statements (match.hpp).
//
// Mirrors ceval.c's match_keys / match_class and the Py_TPFLAGS_SEQUENCE /
// Py_TPFLAGS_MAPPING / _Py_TPFLAGS_MATCH_SELF type flags of CPython 3.11.
#include "vm/match.hpp"

#include "objects/runtime.hpp"

namespace aio::script {

namespace {

constexpr int64_t kAbcSequence = 1 << 5;  // collections.abc: __abc_tpflags__ bits
constexpr int64_t kAbcMapping = 1 << 6;

// A class (or a base) that declares itself a Sequence or Mapping the way
// collections.abc's classes do, with __abc_tpflags__.
int64_t abc_tpflags(VM& vm, TypeObject* t) {
    StrObject* name = vm.intern("__abc_tpflags__");
    for (TypeObject* b : t->m_mro) {
        if (!b->m_dict) continue;
        if (Value* v = dict_get_str(b->m_dict, name)) {
            if (v->is_int()) return v->as_int();
        }
    }
    return 0;
}

bool builtin_named(const TypeObject* t, std::string_view name) {
    return (t->m_tflags & TF_BUILTIN) && is_str(t->m_name) && as_str(t->m_name)->view() == name;
}

// _Py_TPFLAGS_MATCH_SELF: `int(x)` matches the subject itself as x.
bool match_self(VM& vm, TypeObject* t) {
    for (TypeObject* b : t->m_mro) {
        if (b == vm.t_bool || b == vm.t_int || b == vm.t_float || b == vm.t_str || b == vm.t_bytes || b == vm.t_list ||
            b == vm.t_tuple || b == vm.t_dict || b == vm.t_set || b == vm.t_frozenset || builtin_named(b, "bytearray"))
            return true;
    }
    return false;
}

std::string tp_name(const TypeObject* t) { return is_str(t->m_name) ? as_str(t->m_name)->str() : "?"; }

// One attribute for match_class; Null without an exception: missing.
Value match_class_attr(VM& vm, const Value& subject, TypeObject* type, const Value& name, SetObject* seen) {
    int r = set_contains(vm, seen, name);
    if (r < 0) return Value();
    if (r > 0) {
        Value rep = vm.repr(name);
        if (rep.is_null()) return Value();
        vm.raisef(vm.e_TypeError, "%s() got multiple sub-patterns for attribute %s", tp_name(type).c_str(),
                  as_str(rep)->str().c_str());
        return Value();
    }
    if (!set_add(vm, seen, name)) return Value();
    Value attr = vm.getattr(subject, as_str(name));
    if (attr.is_null() && vm.exc_matches(vm.e_AttributeError)) vm.clear_exc();
    return attr;
}

}  // namespace

bool match_sequence(VM& vm, const Value& v) {
    TypeObject* t = vm.type_of(v);
    for (TypeObject* b : t->m_mro) {
        if (b == vm.t_str || b == vm.t_bytes || builtin_named(b, "bytearray")) return false;
        if (b == vm.t_list || b == vm.t_tuple || b == vm.t_range || (vm.t_deque && b == vm.t_deque) ||
            builtin_named(b, "memoryview"))
            return true;
    }
    return (abc_tpflags(vm, t) & kAbcSequence) != 0;
}

bool match_mapping(VM& vm, const Value& v) {
    TypeObject* t = vm.type_of(v);
    if (vm.is_subtype(t, vm.t_dict)) return true;
    return (abc_tpflags(vm, t) & kAbcMapping) != 0;
}

Value match_keys(VM& vm, const Value& map, const Value& keys) {
    auto* kt = keys.as<TupleObject>();
    if (kt->m_size == 0) return vm.m_empty_tuple;
    // map.get(key, dummy): no KeyError handling, and no __missing__ (defaultdict).
    Value get = vm.getattr(map, vm.intern("get"));
    if (get.is_null()) return Value();
    Value dummy = Value::steal(vm.new_list());
    Value seen = Value::steal(vm.new_set());
    std::vector<Value> values;
    for (uint32_t i = 0; i < kt->m_size; ++i) {
        const Value& key = kt->items()[i];
        int r = set_contains(vm, seen.as<SetObject>(), key);
        if (r < 0) return Value();
        if (r > 0) {
            Value rep = vm.repr(key);
            if (rep.is_null()) return Value();
            vm.raisef(vm.e_ValueError, "mapping pattern checks duplicate key (%s)", as_str(rep)->str().c_str());
            return Value();
        }
        if (!set_add(vm, seen.as<SetObject>(), key)) return Value();
        Value v = vm.call(get, {key, dummy});
        if (v.is_null()) return Value();
        if (v.identical(dummy)) return Value::none();
        values.push_back(std::move(v));
    }
    return tuple_from_vector(vm, values);
}

Value match_class(VM& vm, const Value& subject, const Value& cls, uint32_t nargs, const Value& names) {
    if (!is_kind(cls, ObjKind::Type)) {
        vm.raise(vm.e_TypeError, "called match pattern must be a type");
        return Value();
    }
    auto* type = cls.as<TypeObject>();
    if (!vm.isinstance(subject, type)) return Value::none();
    Value seen = Value::steal(vm.new_set());
    std::vector<Value> attrs;
    if (nargs) {
        bool self = false;
        Value match_args = vm.getattr(cls, vm.intern("__match_args__"));
        if (match_args.is_null()) {
            if (!vm.exc_matches(vm.e_AttributeError)) return Value();
            vm.clear_exc();
            // MATCH_SELF counts only where no __match_args__ is defined.
            match_args = vm.m_empty_tuple;
            self = match_self(vm, type);
        } else if (vm.type_of(match_args) != vm.t_tuple) {
            vm.raisef(vm.e_TypeError, "%s.__match_args__ must be a tuple (got %s)", tp_name(type).c_str(),
                      type_name(match_args).c_str());
            return Value();
        }
        auto* ma = match_args.as<TupleObject>();
        uint32_t allowed = self ? 1 : ma->m_size;
        if (allowed < nargs) {
            vm.raisef(vm.e_TypeError, "%s() accepts %u positional sub-pattern%s (%u given)", tp_name(type).c_str(),
                      allowed, allowed == 1 ? "" : "s", nargs);
            return Value();
        }
        if (self) {
            attrs.push_back(subject);
        } else {
            for (uint32_t i = 0; i < nargs; ++i) {
                const Value& name = ma->items()[i];
                if (vm.type_of(name) != vm.t_str) {
                    vm.raisef(vm.e_TypeError, "__match_args__ elements must be strings (got %s)",
                              type_name(name).c_str());
                    return Value();
                }
                Value a = match_class_attr(vm, subject, type, name, seen.as<SetObject>());
                if (a.is_null()) return vm.has_exc() ? Value() : Value::none();
                attrs.push_back(std::move(a));
            }
        }
    }
    auto* nt = names.as<TupleObject>();
    for (uint32_t i = 0; i < nt->m_size; ++i) {
        Value a = match_class_attr(vm, subject, type, nt->items()[i], seen.as<SetObject>());
        if (a.is_null()) return vm.has_exc() ? Value() : Value::none();
        attrs.push_back(std::move(a));
    }
    return tuple_from_vector(vm, attrs);
}

}  // namespace aio::script
