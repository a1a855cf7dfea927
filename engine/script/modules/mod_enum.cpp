// mod_enum.cpp — enum.Enum's native half: members' name/value/repr/str/hash/eq,
// value lookup (Color(1)), and turning a class body's attributes into members
// when an Enum subclass is created. The Python half is lib/enum.py.
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

// IntEnum/StrEnum-like classes (marked by `_aio_value_like_`) behave as their values.
bool enum_value_like(VM& vm, TypeObject* t) {
    Value v = vm.type_lookup(t, vm.intern("_aio_value_like_"));
    return v.is_bool() && v.as_bool();
}

Value enum_member_name(VM& vm, const Value& m) {
    DictObject* d = vm.instance_dict(m, false);
    Value* v = d ? dict_get_str(d, vm.names().u_name) : nullptr;
    return v ? *v : Value::none();
}
Value enum_member_value(VM& vm, const Value& m) {
    DictObject* d = vm.instance_dict(m, false);
    Value* v = d ? dict_get_str(d, vm.names().u_value) : nullptr;
    return v ? *v : Value::none();
}

Value en_name(VM& vm, Value* a, int, TupleObject*, Value&) { return enum_member_name(vm, a[0]); }
Value en_value(VM& vm, Value* a, int, TupleObject*, Value&) { return enum_member_value(vm, a[0]); }
Value en_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    TypeObject* t = vm.type_of(a[0]);
    std::string s = "<" + as_str(t->m_name)->str() + ".";
    Value nm = enum_member_name(vm, a[0]);
    if (is_str(nm)) s += as_str(nm)->str();
    s += ": ";
    if (!vm.repr_into(enum_member_value(vm, a[0]), s)) return Value();
    s += ">";
    return vm.str(s);
}
Value en_str(VM& vm, Value* a, int, TupleObject*, Value&) {
    TypeObject* t = vm.type_of(a[0]);
    // IntEnum/StrEnum (3.11) print their value.
    if (enum_value_like(vm, t)) return vm.to_str(enum_member_value(vm, a[0]));
    Value nm = enum_member_name(vm, a[0]);
    return vm.str(as_str(t->m_name)->str() + "." + (is_str(nm) ? as_str(nm)->str() : ""));
}
Value en_format(VM& vm, Value* a, int n, TupleObject*, Value&) {
    Value s = en_str(vm, a, 1, nullptr, a[0]);
    if (s.is_null()) return Value();
    std::string out;
    if (!format_str(vm, as_str(s)->view(), n > 1 && is_str(a[1]) ? as_str(a[1])->view() : "", out)) return Value();
    return vm.str(out);
}
Value en_hash(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (enum_value_like(vm, vm.type_of(a[0]))) return Value::integer(vm.hash(enum_member_value(vm, a[0])));
    return Value::integer(vm.hash(enum_member_name(vm, a[0])));
}
Value en_eq(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (a[0].identical(a[1])) return Value::boolean(true);
    if (enum_value_like(vm, vm.type_of(a[0]))) {
        Value other = a[1];
        if (vm.type_of(other)->m_tflags & TF_ENUM) other = enum_member_value(vm, other);
        int e = vm.eq(enum_member_value(vm, a[0]), other);
        if (e < 0) return Value();
        return Value::boolean(e == 1);
    }
    return vm.m_notimplemented;
}
Value en_int(VM& vm, Value* a, int, TupleObject*, Value&) { return enum_member_value(vm, a[0]); }
Value en_index(VM& vm, Value* a, int, TupleObject*, Value&) { return enum_member_value(vm, a[0]); }

Value auto_new(VM& vm, TypeObject* t, Value*, int, TupleObject*) {
    return Value::steal(vm.alloc<InstanceObject>(t, ObjKind::Instance));
}

}  // namespace

Value enum_lookup_value(VM& vm, TypeObject* t, const Value& v) {
    if (vm.isinstance(v, t)) return v;
    for (auto& m : t->m_enum_members) {
        int e = vm.eq(enum_member_value(vm, m), v);
        if (e < 0) return Value();
        if (e) return m;
    }
    std::string r;
    if (!vm.repr_into(v, r)) return Value();
    return vm.raisef(vm.e_ValueError, "%s is not a valid %s", r.c_str(), as_str(t->m_qualname)->data());
}

// Turns the plain class attributes of an Enum subclass into members.
void enum_finish_class(VM& vm, TypeObject* t) {
    std::vector<std::pair<Value, Value>> items;
    uint32_t pos = 0;
    Value *k, *v;
    while (dict_next(t->m_dict, pos, k, v)) items.push_back({*k, *v});
    Value* autot = dict_get_str(vm.m_builtins, vm.intern("__enum_auto__"));
    int64_t last = 0;
    bool str_enum = false;
    for (TypeObject* m : t->m_mro)
        if (as_str(m->m_name)->view() == "StrEnum" && (m->m_tflags & TF_BUILTIN)) str_enum = true;
    for (auto& [key, val] : items) {
        if (!is_str(key)) continue;
        std::string_view name = as_str(key)->view();
        if (name.size() >= 2 && name[0] == '_' && (name[1] == '_' || name.back() == '_')) continue;
        if (name.size() >= 1 && name[0] == '_') continue;
        if (val.is_obj()) {
            ObjKind k2 = kind_of(val.as_obj());
            if (k2 == ObjKind::Function || k2 == ObjKind::Property || k2 == ObjKind::StaticMethod ||
                k2 == ObjKind::ClassMethod || k2 == ObjKind::Native || k2 == ObjKind::Type)
                continue;
        }
        Value value = val;
        if (autot && vm.type_of(val) == autot->as<TypeObject>()) {
            if (str_enum) {
                std::string lower;
                for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
                value = vm.str(lower);
            } else {
                value = Value::integer(last + 1);
            }
        }
        if (value.is_int()) last = value.as_int();
        // Aliases: an equal value names the existing member.
        Value existing;
        for (auto& m : t->m_enum_members) {
            int e = vm.eq(enum_member_value(vm, m), value);
            if (e < 0) return;
            if (e) {
                existing = m;
                break;
            }
        }
        if (!existing.is_null()) {
            dict_set_str(vm, t->m_dict, as_str(key), existing);
            continue;
        }
        Value member = Value::steal(vm.alloc<InstanceObject>(t, ObjKind::Instance));
        DictObject* md = vm.instance_dict(member, true);
        dict_set_str(vm, md, vm.names().u_name, key);
        dict_set_str(vm, md, vm.names().u_value, value);
        dict_set_str(vm, t->m_dict, as_str(key), member);
        t->m_enum_members.push_back(member);
    }
    // __members__: name -> member, aliases included.
    DictObject* members = vm.new_dict();
    Value mv = Value::steal(members);
    for (auto& [key, val] : items) {
        if (!is_str(key)) continue;
        Value* cur = dict_get_str(t->m_dict, as_str(key));
        if (cur && vm.type_of(*cur) == t) dict_set(vm, members, key, *cur);
    }
    dict_set_str(vm, t->m_dict, vm.intern("__members__"), mv);
    type_modified();
}

// enum.Enum and its relatives (called by init_object_type).
void init_enum_type(VM& vm) {
    TypeObject* e = vm.t_enum;
    vm.add_property(e, "name", en_name);
    vm.add_property(e, "value", en_value);
    vm.add_method(e, "__repr__", en_repr);
    vm.add_method(e, "__str__", en_str);
    vm.add_method(e, "__format__", en_format);
    vm.add_method(e, "__hash__", en_hash);
    vm.add_method(e, "__eq__", en_eq);
    vm.add_method(e, "__int__", en_int);
    vm.add_method(e, "__index__", en_index);
    TypeObject* autot = vm.new_builtin_type("auto", vm.t_object, ObjKind::Instance, auto_new, 0, "enum");
    vm.dict_set_str(vm.m_builtins, "__enum_auto__", Value::steal(autot));
}

}  // namespace aio::script
