// types.cpp — type objects, attribute lookup, class creation, descriptors.
//
// Contents
//   [SECTION] Builtin type construction
//   [SECTION] MRO and type lookup (with a method cache)
//   [SECTION] Attribute get/set/delete (CPython's generic getattr)
//   [SECTION] Instantiation (type.__call__)
//   [SECTION] Class statements (__build_class__)
//   [SECTION] object and type methods
//   [SECTION] property, staticmethod, classmethod, super
// (Enum's behaviour lives in modules/mod_enum.cpp.)
#include <atomic>
#include <algorithm>
#include <cstring>

#include "objects/runtime.hpp"

namespace aio::script {

Value make_class(VM& vm, Value name, std::vector<Value>& base_list, TypeObject* best, ObjKind layout, DictObject* ns,
                 Value cell, TypeObject* meta = nullptr);

// [SECTION] Builtin type construction

TypeObject* VM::new_builtin_type(const char* name, TypeObject* base, ObjKind layout, NewFn ctor, uint32_t flags,
                                 const char* module) {
    auto* t = alloc<TypeObject>(t_type, ObjKind::Type);
    t->m_name = istr(name);
    t->m_qualname = t->m_name;
    t->m_module = istr(module);
    t->m_base = base;
    if (base) incref(base);
    t->m_layout = layout;
    t->m_new = ctor;
    t->m_tflags = flags | TF_BUILTIN;
    t->m_dict = new_dict();
    if (base) {
        if (base->m_tflags & TF_EXCEPTION) t->m_tflags |= TF_EXCEPTION;
        t->m_bases = tuple({Value::object(base)});
    } else {
        t->m_bases = m_empty_tuple.is_null() ? Value::steal(new_tuple(0)) : m_empty_tuple;
    }
    compute_mro(t);
    return t;
}

void VM::add_method(TypeObject* t, const char* name, NativeFn fn, uint8_t flags) {
    auto* n = alloc<NativeObject>(t_native, ObjKind::Native);
    n->m_fn = fn;
    n->m_name = name;
    n->m_flags = flags;
    n->m_owner = t;
    incref(t);
    dict_set_str(t->m_dict, name, Value::steal(n));
}

void VM::add_property(TypeObject* t, const char* name, NativeFn getter, NativeFn setter) {
    auto* p = alloc<PropertyObject>(t_property, ObjKind::Property);
    p->m_get = new_native(name, getter);
    p->m_set = setter ? new_native(name, setter) : Value::none();
    p->m_del = Value::none();
    p->m_doc = Value::none();
    dict_set_str(t->m_dict, name, Value::steal(p));
}

Value VM::new_native(const char* name, NativeFn fn, Value data, Value self) {
    auto* n = alloc<NativeObject>(t_native, ObjKind::Native);
    n->m_fn = fn;
    n->m_name = name;
    n->m_data = std::move(data);
    n->m_self = std::move(self);
    return Value::steal(n);
}

// [SECTION] MRO and type lookup

namespace {

// C3 linearization (CPython's mro_internal); single inheritance is the
// common case and reduces to walking the base chain.
bool c3_merge(std::vector<std::vector<TypeObject*>>& seqs, std::vector<TypeObject*>& out) {
    for (;;) {
        bool any = false;
        for (auto& s : seqs)
            if (!s.empty()) any = true;
        if (!any) return true;
        TypeObject* cand = nullptr;
        for (auto& s : seqs) {
            if (s.empty()) continue;
            TypeObject* c = s.front();
            bool in_tail = false;
            for (auto& s2 : seqs)
                if (std::find(s2.begin() + (s2.empty() ? 0 : 1), s2.end(), c) != s2.end()) in_tail = true;
            if (!in_tail) {
                cand = c;
                break;
            }
        }
        if (!cand) return false;
        out.push_back(cand);
        for (auto& s : seqs)
            if (!s.empty() && s.front() == cand) s.erase(s.begin());
    }
}

struct MethodCacheEntry {
    const TypeObject* type = nullptr;
    const StrObject* name = nullptr;
    uint64_t epoch = 0;
    const Value* value = nullptr;  // points into the owning type's dict
};
constexpr size_t kMethodCacheSize = 4096;
thread_local MethodCacheEntry t_method_cache[kMethodCacheSize];
}  // namespace

std::atomic<uint64_t> g_type_epoch{1};
#define t_type_epoch g_type_epoch.load(std::memory_order_relaxed)

void type_modified() { g_type_epoch.fetch_add(1, std::memory_order_relaxed); }

static bool is_data_descriptor(VM& vm, const Value& d);

// Fills an attribute site's cache for instances of t: what the type says
// about `name` (no data descriptor, no __setattr__/__getattr__ override).
bool VM::fill_attr_cache(AttrCache& c, TypeObject* t, StrObject* name) {
    // Remembered either way: a site that cannot use the fast path stops asking.
    c.type = t;
    c.epoch = t_type_epoch;
    c.method = nullptr;
    c.ok = false;
    if (!(t->m_tflags & TF_HEAPTYPE) || t->m_layout != ObjKind::Instance) return false;
    Value descr = type_lookup(t, name);
    if (!descr.is_null() && is_data_descriptor(*this, descr)) return false;
    Value sa = type_lookup(t, names().d_setattr);
    if (!sa.is_null() && !is_kind(sa, ObjKind::Native)) return false;
    if (!type_lookup(t, names().d_getattr).is_null()) return false;
    if (!descr.is_null()) {
        // Methods (Python functions, C++ methods) bind to the instance; other
        // plain descriptors take the generic path.
        if (is_kind(descr, ObjKind::Function) ||
            (is_kind(descr, ObjKind::Native) && (descr.as<NativeObject>()->m_flags & NF_METHOD)))
            c.method = descr.as_obj();
        else
            return false;
    }
    c.ok = true;
    return true;
}

// Module attributes (asyncio.sleep, time.time): read from the module's dict
// unless its type has a data descriptor of that name (getattr's order).
bool VM::fill_module_attr_cache(AttrCache& c, TypeObject* t, StrObject* name) {
    c.type = t;
    c.epoch = t_type_epoch;
    c.method = nullptr;
    Value descr = type_lookup(t, name);
    c.ok = descr.is_null() || !is_data_descriptor(*this, descr);
    return c.ok;
}

void VM::compute_mro(TypeObject* t) {
    for (TypeObject* m : t->m_mro)
        if (m != t) decref(m);
    t->m_mro.clear();
    std::vector<TypeObject*> mro;
    if (!is_kind(t->m_bases, ObjKind::Tuple) || t->m_bases.as<TupleObject>()->m_size <= 1) {
        for (TypeObject* b = t; b; b = b->m_base) mro.push_back(b);
    } else {
        std::vector<std::vector<TypeObject*>> seqs;
        auto* bases = t->m_bases.as<TupleObject>();
        for (uint32_t i = 0; i < bases->m_size; ++i) seqs.push_back(bases->items()[i].as<TypeObject>()->m_mro);
        std::vector<TypeObject*> bl;
        for (uint32_t i = 0; i < bases->m_size; ++i) bl.push_back(bases->items()[i].as<TypeObject>());
        seqs.push_back(bl);
        mro.push_back(t);
        if (!c3_merge(seqs, mro)) {
            mro.clear();
            for (TypeObject* b = t; b; b = b->m_base) mro.push_back(b);
        }
    }
    for (TypeObject* m : mro)
        if (m != t) incref(m);
    t->m_mro = std::move(mro);
    type_modified();
}

Value VM::type_lookup(TypeObject* t, StrObject* name) const {
    size_t h = (reinterpret_cast<uintptr_t>(t) >> 4 ^ reinterpret_cast<uintptr_t>(name) >> 3) & (kMethodCacheSize - 1);
    MethodCacheEntry& e = t_method_cache[h];
    if (e.type == t && e.name == name && e.epoch == t_type_epoch) return e.value ? *e.value : Value();
    const Value* found = nullptr;
    for (TypeObject* m : t->m_mro) {
        if (!m->m_dict) continue;
        Value* v = dict_get_str(m->m_dict, name);
        if (v) {
            found = v;
            break;
        }
    }
    if (name->m_interned) {
        e.type = t;
        e.name = name;
        e.epoch = t_type_epoch;
        e.value = found;
    }
    return found ? *found : Value();
}

bool VM::is_subtype(const TypeObject* a, const TypeObject* b) {
    if (a == b) return true;
    for (const TypeObject* m : a->m_mro)
        if (m == b) return true;
    return false;
}

TypeObject* solid_base(TypeObject* t) {
    for (TypeObject* m : t->m_mro)
        if (m->m_tflags & TF_BUILTIN) return m;
    return t;
}

// [SECTION] Attribute get/set/delete

DictObject* VM::instance_dict(const Value& obj, bool create) {
    if (!obj.is_obj()) return nullptr;
    Object* o = obj.as_obj();
    DictObject** slot = nullptr;
    switch (kind_of(o)) {
    case ObjKind::Instance:
        slot = &static_cast<InstanceObject*>(o)->m_dict;
        break;
    case ObjKind::Exception:
        slot = &static_cast<ExceptionObject*>(o)->m_dict;
        break;
    case ObjKind::Function:
        slot = &static_cast<FunctionObject*>(o)->m_dict;
        break;
    case ObjKind::Module:
        return static_cast<ModuleObject*>(o)->m_dict;
    case ObjKind::Cxx:
        slot = &static_cast<CxxObject*>(o)->m_dict;
        break;
    default:
        return nullptr;
    }
    if (!*slot && create) *slot = new_dict();
    return *slot;
}

static bool is_data_descriptor(VM& vm, const Value& d) {
    if (is_kind(d, ObjKind::Property)) return true;
    if (is_kind(d, ObjKind::Instance)) {
        TypeObject* t = d.as_obj()->m_type;
        return !vm.type_lookup(t, vm.names().d_set).is_null() || !vm.type_lookup(t, vm.names().d_delete).is_null();
    }
    return false;
}

static Value bound_method(VM& vm, const Value& func, const Value& self) {
    auto* m = vm.alloc<BoundMethodObject>(vm.t_method, ObjKind::BoundMethod);
    m->m_func = func;
    m->m_self = self;
    return Value::steal(m);
}

// Applies the descriptor protocol to an attribute found on a type.
Value bind_descriptor(VM& vm, const Value& attr, const Value& obj, TypeObject* type) {
    if (!attr.is_obj()) return attr;
    switch (kind_of(attr.as_obj())) {
    case ObjKind::Function:
        if (obj.is_null()) return attr;
        return bound_method(vm, attr, obj);
    case ObjKind::Native: {
        auto* n = attr.as<NativeObject>();
        if (n->m_flags & NF_CLASSMETHOD) return bound_method(vm, attr, Value::object(type));
        if ((n->m_flags & NF_METHOD) && !obj.is_null()) return bound_method(vm, attr, obj);
        return attr;
    }
    case ObjKind::ClassMethod:
        return bound_method(vm, attr.as<WrapperObject>()->m_func, Value::object(type));
    case ObjKind::StaticMethod:
        return attr.as<WrapperObject>()->m_func;
    case ObjKind::Property: {
        if (obj.is_null()) return attr;
        auto* p = attr.as<PropertyObject>();
        if (p->m_get.is_none() || p->m_get.is_null())
            return vm.raisef(vm.e_AttributeError, "property object has no getter");
        return vm.call(p->m_get, {obj});
    }
    case ObjKind::Instance: {
        Value get = vm.type_lookup(attr.as_obj()->m_type, vm.names().d_get);
        if (get.is_null()) return attr;
        return vm.call(get, {attr, obj.is_null() ? Value::none() : obj, Value::object(type)});
    }
    default:
        return attr;
    }
}

static Value attribute_error(VM& vm, const Value& obj, StrObject* name) {
    if (is_kind(obj, ObjKind::Module)) {
        Value* mn = dict_get_str(obj.as<ModuleObject>()->m_dict, vm.names().d_name);
        std::string modname = mn && is_str(*mn) ? as_str(*mn)->str() : "?";
        return vm.raisef(vm.e_AttributeError, "module '%s' has no attribute '%s'", modname.c_str(), name->data());
    }
    if (is_kind(obj, ObjKind::Type))
        return vm.raisef(vm.e_AttributeError, "type object '%s' has no attribute '%s'",
                         as_str(obj.as<TypeObject>()->m_name)->data(), name->data());
    Value r = vm.raisef(vm.e_AttributeError, "'%s' object has no attribute '%s'", type_name(obj).c_str(), name->data());
    // CPython 3.10+ records name and obj on AttributeError (used by suggestions).
    return r;
}

static Value type_getattr(VM& vm, TypeObject* t, StrObject* name, bool raise) {
    // Data descriptors of the metatype first (__name__, __mro__, ...).
    TypeObject* mt = t->m_type ? t->m_type : vm.t_type;
    Value meta = vm.type_lookup(mt, name);
    if (!meta.is_null() && is_kind(meta, ObjKind::Property)) return bind_descriptor(vm, meta, Value::object(t), mt);
    Value v = vm.type_lookup(t, name);
    if (!v.is_null()) {
        if (is_kind(v, ObjKind::Function) || is_kind(v, ObjKind::Property)) return v;
        return bind_descriptor(vm, v, Value(), t);
    }
    if (!meta.is_null()) return bind_descriptor(vm, meta, Value::object(t), mt);
    if (!raise) return Value();
    return attribute_error(vm, Value::object(t), name);
}

static Value super_getattr(VM& vm, SuperObject* s, StrObject* name, bool raise);

static Value generic_getattr(VM& vm, const Value& obj, StrObject* name, bool raise) {
    TypeObject* t = vm.type_of(obj);
    if (obj.is_obj()) {
        switch (kind_of(obj.as_obj())) {
        case ObjKind::Type:
            return type_getattr(vm, obj.as<TypeObject>(), name, raise);
        case ObjKind::Super:
            return super_getattr(vm, obj.as<SuperObject>(), name, raise);
        default:
            break;
        }
    }
    Value descr = vm.type_lookup(t, name);
    if (!descr.is_null() && is_data_descriptor(vm, descr)) return bind_descriptor(vm, descr, obj, t);
    DictObject* d = vm.instance_dict(obj, false);
    if (d) {
        Value* v = dict_get_str(d, name);
        if (v) return *v;
    }
    if (!descr.is_null()) return bind_descriptor(vm, descr, obj, t);
    if (is_kind(obj, ObjKind::BoundMethod)) {
        // Method objects forward unknown attributes to their function.
        return generic_getattr(vm, obj.as<BoundMethodObject>()->m_func, name, raise);
    }
    // __getattr__ fallback (user classes).
    if (t->m_tflags & TF_HEAPTYPE) {
        Value ga = vm.type_lookup(t, vm.names().d_getattr);
        if (!ga.is_null()) {
            Value r = vm.call(ga, {obj, Value::object(name)});
            if (r.is_null() && !raise && vm.exc_matches(vm.e_AttributeError)) vm.clear_exc();
            return r;
        }
    }
    if (!raise) return Value();
    return attribute_error(vm, obj, name);
}

Value VM::getattr(const Value& obj, StrObject* name) { return generic_getattr(*this, obj, name, true); }

Value VM::getattr_opt(const Value& obj, StrObject* name) {
    Value r = generic_getattr(*this, obj, name, false);
    if (r.is_null() && exc_matches(e_AttributeError)) clear_exc();
    return r;
}

Value VM::lookup_method(const Value& obj, StrObject* name, bool& bound) {
    bound = false;
    TypeObject* t = type_of(obj);
    if (obj.is_obj()) {
        ObjKind k = kind_of(obj.as_obj());
        if (k == ObjKind::Type || k == ObjKind::Super || k == ObjKind::Module) return getattr(obj, name);
    }
    Value descr = type_lookup(t, name);
    bool meth = false;
    if (!descr.is_null()) {
        if (is_kind(descr, ObjKind::Function)) {
            meth = true;
        } else if (is_kind(descr, ObjKind::Native)) {
            auto* n = descr.as<NativeObject>();
            if (n->m_flags & NF_METHOD) meth = true;
        } else if (is_data_descriptor(*this, descr)) {
            return bind_descriptor(*this, descr, obj, t);
        }
    }
    DictObject* d = instance_dict(obj, false);
    if (d) {
        Value* v = dict_get_str(d, name);
        if (v) return *v;
    }
    if (meth) {
        bound = true;
        return descr;
    }
    if (!descr.is_null()) return bind_descriptor(*this, descr, obj, t);
    return getattr(obj, name);
}

Value VM::call_method(const Value& obj, StrObject* name, Value* args, int nargs) {
    bool bound;
    Value f = lookup_method(obj, name, bound);
    if (f.is_null()) return Value();
    if (!bound) return call(f, args, nargs);
    std::vector<Value> all;
    all.reserve(nargs + 1);
    all.push_back(obj);
    for (int i = 0; i < nargs; ++i) all.push_back(args[i]);
    return call(f, all.data(), nargs + 1);
}

Value VM::call_method(const Value& obj, std::string_view name, std::initializer_list<Value> args) {
    std::vector<Value> a(args);
    return call_method(obj, intern(name), a.data(), static_cast<int>(a.size()));
}

bool VM::setattr(const Value& obj, StrObject* name, const Value& v) {
    TypeObject* t = type_of(obj);
    if (is_kind(obj, ObjKind::Type)) {
        auto* ty = obj.as<TypeObject>();
        if (ty->m_tflags & TF_BUILTIN) {
            raisef(e_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data(),
                   as_str(ty->m_name)->data());
            return false;
        }
        Value meta = type_lookup(t_type, name);
        if (!meta.is_null() && is_kind(meta, ObjKind::Property)) {
            auto* p = meta.as<PropertyObject>();
            if (p->m_set.is_none()) {
                raisef(e_AttributeError, "readonly attribute");
                return false;
            }
            return !call(p->m_set, {obj, v}).is_null();
        }
        aio::script::dict_set_str(*this, ty->m_dict, name, v);
        type_modified();
        return true;
    }
    Value descr = type_lookup(t, name);
    if (!descr.is_null()) {
        if (is_kind(descr, ObjKind::Property)) {
            auto* p = descr.as<PropertyObject>();
            if (p->m_set.is_none() || p->m_set.is_null()) {
                raisef(e_AttributeError, "property '%s' of '%s' object has no setter", name->data(),
                       type_name(obj).c_str());
                return false;
            }
            return !call(p->m_set, {obj, v}).is_null();
        }
        if (is_kind(descr, ObjKind::Instance)) {
            Value set = type_lookup(descr.as_obj()->m_type, names().d_set);
            if (!set.is_null()) return !call(set, {descr, obj, v}).is_null();
        }
    }
    if (t->m_tflags & TF_HEAPTYPE) {
        Value sa = type_lookup(t, names().d_setattr);
        if (!sa.is_null() && !is_kind(sa, ObjKind::Native)) return !call(sa, {obj, Value::object(name), v}).is_null();
    }
    DictObject* d = instance_dict(obj, true);
    if (!d) {
        if (!descr.is_null())
            raisef(e_AttributeError, "'%s' object attribute '%s' is read-only", type_name(obj).c_str(), name->data());
        else
            raisef(e_AttributeError, "'%s' object has no attribute '%s'", type_name(obj).c_str(), name->data());
        return false;
    }
    aio::script::dict_set_str(*this, d, name, v);
    return true;
}

bool VM::delattr(const Value& obj, StrObject* name) {
    if (is_kind(obj, ObjKind::Type)) {
        auto* ty = obj.as<TypeObject>();
        if ((ty->m_tflags & TF_BUILTIN) || !dict_del_str(ty->m_dict, name)) {
            attribute_error(*this, obj, name);
            return false;
        }
        type_modified();
        return true;
    }
    TypeObject* t = type_of(obj);
    Value descr = type_lookup(t, name);
    if (!descr.is_null() && is_kind(descr, ObjKind::Property)) {
        auto* p = descr.as<PropertyObject>();
        if (p->m_del.is_none() || p->m_del.is_null()) {
            raisef(e_AttributeError, "property '%s' of '%s' object has no deleter", name->data(),
                   type_name(obj).c_str());
            return false;
        }
        return !call(p->m_del, {obj}).is_null();
    }
    if (t->m_tflags & TF_HEAPTYPE) {
        Value da = type_lookup(t, names().d_delattr);
        if (!da.is_null() && !is_kind(da, ObjKind::Native)) return !call(da, {obj, Value::object(name)}).is_null();
    }
    DictObject* d = instance_dict(obj, false);
    if (!d || !dict_del_str(d, name)) {
        attribute_error(*this, obj, name);
        return false;
    }
    return true;
}

// [SECTION] Instantiation

Value new_instance(VM& vm, TypeObject* t) {
    switch (t->m_layout) {
    case ObjKind::Exception: {
        auto* e = vm.alloc<ExceptionObject>(t, ObjKind::Exception);
        e->m_args = vm.m_empty_tuple;
        e->m_cause = Value::none();
        e->m_context = Value::none();
        return Value::steal(e);
    }
    case ObjKind::Dict:
        return Value::steal(vm.alloc<DictObject>(t, ObjKind::Dict));
    case ObjKind::List:
        return Value::steal(vm.alloc<ListObject>(t, ObjKind::List));
    case ObjKind::Set:
        return Value::steal(vm.alloc<SetObject>(t, ObjKind::Set));
    default:
        return Value::steal(vm.alloc<InstanceObject>(t, ObjKind::Instance));
    }
}

Value type_call(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kwnames) {
    const Interned& nm = vm.names();
    if (t == vm.t_type) {
        int npos = nargs - (kwnames ? static_cast<int>(kwnames->m_size) : 0);
        if (npos == 1) return Value::object(vm.type_of(args[0]));
        if (npos == 3) {
            // type(name, bases, dict)
            if (!is_str(args[0]) || !is_kind(args[1], ObjKind::Tuple) || !is_kind(args[2], ObjKind::Dict))
                return vm.raise(vm.e_TypeError, "type() argument types must be (str, tuple, dict)");
            auto* bt = args[1].as<TupleObject>();
            // type(name, bases, ns) with a base made by a metaclass: that metaclass makes it.
            TypeObject* winner = vm.t_type;
            for (uint32_t i = 0; i < bt->m_size; ++i) {
                if (!is_kind(bt->items()[i], ObjKind::Type)) return vm.raise(vm.e_TypeError, "bases must be types");
                TypeObject* bm = bt->items()[i].as_obj()->m_type;
                if (VM::is_subtype(bm, winner))
                    winner = bm;
                else if (!VM::is_subtype(winner, bm))
                    return vm.raise(vm.e_TypeError,
                                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                    "subclass of the metaclasses of all its bases");
            }
            if (winner != vm.t_type) return vm.call(Value::object(winner), {args[0], args[1], args[2]});
            std::vector<Value> bases(bt->items(), bt->items() + bt->m_size);
            if (bases.empty()) bases.push_back(Value::object(vm.t_object));
            TypeObject* best = bases[0].as<TypeObject>();
            ObjKind layout = solid_base(best)->m_layout;
            DictObject* ns = dict_copy(vm, args[2].as<DictObject>());
            Value nsv = Value::steal(ns);
            return make_class(vm, args[0], bases, best, layout, ns, Value());
        }
        return vm.raise(vm.e_TypeError, "type() takes 1 or 3 arguments");
    }
    if (t->m_tflags & TF_ENUM) {
        if (!t->m_enum_members.empty() || nargs == 1) {
            if (nargs != 1) return vm.raise(vm.e_TypeError, "Enum lookup takes exactly one argument");
            return enum_lookup_value(vm, t, args[0]);
        }
    }
    // A Python-level __new__ (singletons, immutable subclasses) runs first.
    Value newf = vm.type_lookup(t, nm.d_new);
    Value self;
    if (!newf.is_null() && (t->m_tflags & TF_HEAPTYPE) && !is_kind(newf, ObjKind::Native)) {
        Value fn = newf;
        if (is_kind(fn, ObjKind::StaticMethod)) fn = fn.as<WrapperObject>()->m_func;
        std::vector<Value> all;
        all.reserve(nargs + 1);
        all.push_back(Value::object(t));
        for (int i = 0; i < nargs; ++i) all.push_back(args[i]);
        self = vm.call(fn, all.data(), nargs + 1, kwnames);
        if (self.is_null()) return Value();
        if (!vm.isinstance(self, t)) return self;
    } else {
        TypeObject* base = solid_base(t);
        if (base->m_new && base != vm.t_object) {
            self = base->m_new(vm, t, args, nargs, kwnames);
            if (self.is_null()) return Value();
            // Builtins whose constructor consumed the arguments skip __init__.
            if (!(t->m_tflags & TF_HEAPTYPE) && (base->m_tflags & TF_NEW_INITS)) return self;
            if (!vm.isinstance(self, t)) return self;
        } else {
            if (!(t->m_tflags & (TF_HEAPTYPE | TF_EXCEPTION)) && t != vm.t_object && t->m_layout != ObjKind::Instance)
                return vm.raisef(vm.e_TypeError, "cannot create '%s' instances", as_str(t->m_name)->data());
            self = new_instance(vm, t);
            if (t->m_tflags & TF_EXCEPTION) {
                // BaseException.__new__ stores the positional args.
                int npos = nargs - (kwnames ? static_cast<int>(kwnames->m_size) : 0);
                std::vector<Value> a(args, args + npos);
                as_exc(self)->m_args = tuple_from_vector(vm, a);
            }
        }
    }
    Value init = vm.type_lookup(t, nm.d_init);
    if (init.is_null()) return self;
    if (is_kind(init, ObjKind::Native) && init.as<NativeObject>()->m_owner == vm.t_object) {
        int npos = nargs;
        if (npos > 0 && !solid_base(t)->m_new &&
            vm.type_lookup(t, nm.d_new).as_obj() == vm.type_lookup(vm.t_object, nm.d_new).as_obj())
            return vm.raisef(vm.e_TypeError, "%s() takes no arguments", as_str(t->m_name)->data());
        return self;
    }
    std::vector<Value> all;
    all.reserve(nargs + 1);
    all.push_back(self);
    for (int i = 0; i < nargs; ++i) all.push_back(args[i]);
    Value r = vm.call(init, all.data(), nargs + 1, kwnames);
    if (r.is_null()) return Value();
    if (!r.is_none()) return vm.raisef(vm.e_TypeError, "__init__() should return None, not '%s'", type_name(r).c_str());
    return self;
}

Value VM::call_type(TypeObject* t, Value* args, int nargs, TupleObject* kwnames) {
    return type_call(*this, t, args, nargs, kwnames);
}

// [SECTION] Class statements

Value make_class(VM& vm, Value name, std::vector<Value>& base_list, TypeObject* best, ObjKind layout, DictObject* ns,
                 Value cell, TypeObject* meta);

// class C(..., metaclass=M): the body runs in M.__prepare__'s namespace (a dict), then
// M(name, bases, ns) makes the class; the __class__ cell travels as ns['__classcell__'].
static Value build_class_with_meta(VM& vm, Value func, Value name, Value* bases, int nbases, Value meta) {
    const Interned& nm = vm.names();
    std::vector<Value> bl(bases, bases + nbases);
    Value bt = tuple_from_vector(vm, bl);
    Value nsv;
    Value prep = vm.getattr_opt(meta, vm.intern("__prepare__"));
    if (!prep.is_null()) {
        nsv = vm.call(prep, {name, bt});
        if (nsv.is_null()) return Value();
        if (!is_kind(nsv, ObjKind::Dict))
            return vm.raise(vm.e_TypeError, "__prepare__() must return a dict (mappings are not supported)");
    } else {
        nsv = Value::steal(vm.new_dict());
    }
    DictObject* ns = nsv.as<DictObject>();
    if (!func.is_null()) {
        auto* fn = func.as<FunctionObject>();
        Value* modname = dict_get_str(fn->m_globals, nm.d_name);
        dict_set_str(vm, ns, nm.d_module, modname ? *modname : Value::none());
        dict_set_str(vm, ns, nm.d_qualname, fn->m_code->m_qualname);
        Frame* f = vm.make_frame(fn, nullptr, 0, nullptr);
        if (!f) return Value();
        f->m_ns = ns;
        incref(ns);
        Value result;
        RunStatus st = vm.run(f, result);
        if (st == RunStatus::Raised) return Value();
        if (is_kind(result, ObjKind::Cell)) dict_set_str(vm, ns, nm.d_classcell, result);
    }
    return vm.call(meta, {name, bt, nsv});
}

// type.__new__(mcs, name, bases, ns): a class whose type is mcs.
Value ty_new(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n == 2 && a[0].as_obj() == vm.t_type) return Value::object(vm.type_of(a[1]));
    if (n != 4 || !is_kind(a[0], ObjKind::Type))
        return vm.raise(vm.e_TypeError, "type.__new__() takes exactly 3 arguments");
    if (!is_str(a[1]) || !is_kind(a[2], ObjKind::Tuple) || !is_kind(a[3], ObjKind::Dict))
        return vm.raise(vm.e_TypeError, "type.__new__() argument types must be (str, tuple, dict)");
    TypeObject* meta = a[0].as<TypeObject>();
    if (!VM::is_subtype(meta, vm.t_type))
        return vm.raisef(vm.e_TypeError, "type.__new__(%s): %s is not a subtype of type", as_str(meta->m_name)->data(),
                         as_str(meta->m_name)->data());
    auto* bt = a[2].as<TupleObject>();
    std::vector<Value> bases;
    ObjKind layout = ObjKind::Instance;
    TypeObject* best = nullptr;
    for (uint32_t i = 0; i < bt->m_size; ++i) {
        if (!is_kind(bt->items()[i], ObjKind::Type)) return vm.raise(vm.e_TypeError, "bases must be types");
        TypeObject* b = bt->items()[i].as<TypeObject>();
        if (!(b->m_tflags & TF_BASETYPE))
            return vm.raisef(vm.e_TypeError, "type '%s' is not an acceptable base type", as_str(b->m_name)->data());
        bases.push_back(bt->items()[i]);
        TypeObject* sb = solid_base(b);
        if (!best) best = b;
        if (sb->m_layout != ObjKind::Instance) {
            if (layout != ObjKind::Instance && layout != sb->m_layout)
                return vm.raise(vm.e_TypeError, "multiple bases have instance lay-out conflict");
            layout = sb->m_layout;
            best = b;
        }
    }
    if (bases.empty()) {
        bases.push_back(Value::object(vm.t_object));
        best = vm.t_object;
    }
    DictObject* ns = dict_copy(vm, a[3].as<DictObject>());
    Value nsv = Value::steal(ns);
    Value cell;
    if (Value* c = dict_get_str(ns, vm.names().d_classcell)) cell = *c;
    return make_class(vm, a[1], bases, best, layout, ns, cell, meta);
}

// A metaclass without its own __new__: type_call makes its instances here.
Value type_new_for(VM& vm, TypeObject* meta, Value* args, int nargs, TupleObject* kwnames) {
    if (kwnames && kwnames->m_size) return vm.raise(vm.e_TypeError, "type.__new__() takes no keyword arguments");
    std::vector<Value> all;
    all.push_back(Value::object(meta));
    for (int i = 0; i < nargs; ++i) all.push_back(args[i]);
    Value d;
    return ty_new(vm, all.data(), nargs + 1, nullptr, d);
}

// type.__init__(cls, name, bases, ns): type.__new__ did the work.
Value ty_init(VM& vm, Value*, int n, TupleObject*, Value&) {
    if (n != 2 && n != 4) return vm.raise(vm.e_TypeError, "type.__init__() takes 1 or 3 arguments");
    return Value::none();
}

Value VM::build_class(Value func, Value name, Value* bases, int nbases, TupleObject* kwnames, Value* kwvalues,
                      int nkw) {
    const Interned& nm = names();
    if (!is_str(name)) return raise(e_TypeError, "__build_class__: name is not a string");
    // Keywords: only metaclass= (class keywords for __init_subclass__ are not supported).
    Value meta = Value::object(t_type);
    bool explicit_meta = false;
    for (int i = 0; i < nkw; ++i) {
        std::string_view k = as_str(kwnames->items()[i])->view();
        if (k != "metaclass") return raisef(e_TypeError, "__init_subclass__() takes no keyword arguments");
        meta = kwvalues[i];
        explicit_meta = true;
    }
    // CPython: _PyType_CalculateMetaclass — the most derived metaclass of the bases.
    if (!explicit_meta || is_kind(meta, ObjKind::Type)) {
        for (int i = 0; i < nbases; ++i) {
            if (!is_kind(bases[i], ObjKind::Type) || !is_kind(meta, ObjKind::Type)) break;
            TypeObject* bm = bases[i].as_obj()->m_type;
            TypeObject* m = meta.as<TypeObject>();
            if (is_subtype(m, bm)) continue;
            if (is_subtype(bm, m)) {
                meta = Value::object(bm);
                continue;
            }
            return raise(e_TypeError,
                         "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of "
                         "the metaclasses of all its bases");
        }
    }
    if (meta.as_obj() != t_type) return build_class_with_meta(*this, func, name, bases, nbases, meta);
    std::vector<Value> base_list;
    for (int i = 0; i < nbases; ++i) {
        if (!is_kind(bases[i], ObjKind::Type)) {
            return raise(e_TypeError, "bases must be types");
        }
        TypeObject* b = bases[i].as<TypeObject>();
        if (!(b->m_tflags & TF_BASETYPE))
            return raisef(e_TypeError, "type '%s' is not an acceptable base type", as_str(b->m_name)->data());
        if ((b->m_tflags & TF_ENUM) && !b->m_enum_members.empty())
            return raisef(e_TypeError, "%s: cannot extend enumeration '%s'", as_str(name)->data(),
                          as_str(b->m_name)->data());
        base_list.push_back(bases[i]);
    }
    if (base_list.empty()) base_list.push_back(Value::object(t_object));
    // Instance layout: all bases must agree on their builtin ancestor's layout.
    ObjKind layout = ObjKind::Instance;
    TypeObject* best = base_list[0].as<TypeObject>();
    for (auto& bv : base_list) {
        TypeObject* sb = solid_base(bv.as<TypeObject>());
        if (sb->m_layout != ObjKind::Instance) {
            if (layout != ObjKind::Instance && layout != sb->m_layout)
                return raise(e_TypeError, "multiple bases have instance lay-out conflict");
            layout = sb->m_layout;
            best = bv.as<TypeObject>();
        }
    }
    DictObject* ns = new_dict();
    Value nsv = Value::steal(ns);
    Value cell;
    if (!func.is_null()) {
        auto* fn = func.as<FunctionObject>();
        Value* modname = dict_get_str(fn->m_globals, nm.d_name);
        aio::script::dict_set_str(*this, ns, nm.d_module, modname ? *modname : Value::none());
        aio::script::dict_set_str(*this, ns, nm.d_qualname, fn->m_code->m_qualname);
        // Run the body with the namespace as its locals.
        Frame* f = make_frame(fn, nullptr, 0, nullptr);
        if (!f) return Value();
        f->m_ns = ns;
        incref(ns);
        Value result;
        RunStatus st = run(f, result);
        if (st == RunStatus::Raised) return Value();
        if (is_kind(result, ObjKind::Cell)) cell = result;
    }
    return make_class(*this, name, base_list, best, layout, ns, cell);
}

Value make_class(VM& vm, Value name, std::vector<Value>& base_list, TypeObject* best, ObjKind layout, DictObject* ns,
                 Value cell, TypeObject* meta) {
    const Interned& nm = vm.names();
    auto* t = vm.alloc<TypeObject>(meta ? meta : vm.t_type, ObjKind::Type);
    Value tv = Value::steal(t);
    t->m_name = name;
    Value* qn = dict_get_str(ns, nm.d_qualname);
    t->m_qualname = qn && is_str(*qn) ? *qn : name;
    if (qn) dict_del_str(ns, nm.d_qualname);
    Value* mod = dict_get_str(ns, nm.d_module);
    t->m_module = mod ? *mod : vm.istr("__main__");
    t->m_base = best;
    incref(best);
    t->m_bases = tuple_from_vector(vm, base_list);
    t->m_layout = layout;
    t->m_tflags = TF_HEAPTYPE | TF_BASETYPE;
    for (uint32_t i = 0; i < t->m_bases.as<TupleObject>()->m_size; ++i) {
        TypeObject* b = t->m_bases.as<TupleObject>()->items()[i].as<TypeObject>();
        if (b->m_tflags & TF_EXCEPTION) t->m_tflags |= TF_EXCEPTION;
        if (b->m_tflags & TF_ENUM) t->m_tflags |= TF_ENUM;
    }
    t->m_dict = dict_copy(vm, ns);
    if (!dict_get_str(t->m_dict, nm.d_doc)) dict_set_str(vm, t->m_dict, nm.d_doc, Value::none());
    dict_del_str(t->m_dict, nm.d_classcell);
    VM::compute_mro(t);
    // Plain functions named __new__/__init_subclass__/__class_getitem__ are implicitly static/class methods.
    Value* nw = dict_get_str(t->m_dict, nm.d_new);
    if (nw && is_kind(*nw, ObjKind::Function)) {
        auto* w = vm.alloc<WrapperObject>(vm.t_staticmethod, ObjKind::StaticMethod);
        w->m_func = *nw;
        *nw = Value::steal(w);
    }
    for (StrObject* cm : {nm.d_init_subclass, nm.d_class_getitem}) {
        Value* v = dict_get_str(t->m_dict, cm);
        if (v && is_kind(*v, ObjKind::Function)) {
            auto* w = vm.alloc<WrapperObject>(vm.t_classmethod, ObjKind::ClassMethod);
            w->m_func = *v;
            *v = Value::steal(w);
        }
    }
    if (!cell.is_null()) cell.as<CellObject>()->m_value = tv;
    if (t->m_tflags & TF_ENUM) {
        enum_finish_class(vm, t);
        if (vm.has_exc()) return Value();
    }
    // __set_name__ on descriptors defined in the body.
    {
        uint32_t pos = 0;
        Value *k, *v;
        std::vector<std::pair<Value, Value>> items;
        while (dict_next(t->m_dict, pos, k, v)) items.push_back({*k, *v});
        for (auto& [k2, v2] : items) {
            if (!is_kind(v2, ObjKind::Instance)) continue;
            Value sn = vm.type_lookup(v2.as_obj()->m_type, nm.d_set_name);
            if (sn.is_null()) continue;
            if (vm.call(sn, {v2, tv, k2}).is_null()) return Value();
        }
    }
    // __init_subclass__ of the parent.
    Value isc = vm.type_lookup(best, nm.d_init_subclass);
    if (!isc.is_null() && is_kind(isc, ObjKind::ClassMethod)) {
        if (vm.call(isc.as<WrapperObject>()->m_func, {tv}).is_null()) return Value();
    }
    return tv;
}

// [SECTION] object and type methods

namespace {

Value obj_init(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    (void)kw;
    if (n > 1) {
        TypeObject* t = vm.type_of(a[0]);
        Value init = vm.type_lookup(t, vm.names().d_init);
        if (is_kind(init, ObjKind::Native) && init.as<NativeObject>()->m_owner == vm.t_object)
            return vm.raisef(vm.e_TypeError, "%s() takes no arguments", as_str(t->m_name)->data());
        return vm.raise(vm.e_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    }
    return Value::none();
}

Value obj_new(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 1 || !is_kind(a[0], ObjKind::Type))
        return vm.raise(vm.e_TypeError, "object.__new__(X): X is not a type object");
    return new_instance(vm, a[0].as<TypeObject>());
}

Value obj_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    TypeObject* t = vm.type_of(a[0]);
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(a[0].as_obj()));
    std::string s = "<";
    std::string mod = is_str(t->m_module) ? as_str(t->m_module)->str() : "";
    if (!mod.empty() && mod != "builtins") s += mod + ".";
    s += as_str(t->m_qualname)->str();
    s += buf;
    return vm.str(s);
}

Value obj_str(VM& vm, Value* a, int, TupleObject*, Value&) { return vm.repr(a[0]); }

Value obj_eq(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (a[0].identical(a[1])) return Value::boolean(true);
    return vm.m_notimplemented;
}
Value obj_ne(VM& vm, Value* a, int, TupleObject*, Value&) {
    // Default __ne__ inverts __eq__.
    Value eqf = vm.type_lookup(vm.type_of(a[0]), vm.names().d_eq);
    if (eqf.is_null()) return vm.m_notimplemented;
    Value r = vm.call(eqf, {a[0], a[1]});
    if (r.is_null()) return Value();
    if (r.identical(vm.m_notimplemented)) return r;
    int t = vm.truthy(r);
    if (t < 0) return Value();
    return Value::boolean(!t);
}
Value obj_hash(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::integer(static_cast<int64_t>(reinterpret_cast<uintptr_t>(a[0].as_obj()) >> 4));
}
Value obj_format(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n > 1 && is_str(a[1]) && as_str(a[1])->m_size > 0)
        return vm.raisef(vm.e_TypeError, "unsupported format string passed to %s.__format__", type_name(a[0]).c_str());
    return vm.to_str(a[0]);
}
Value obj_setattr(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 3 || !is_str(a[1])) return vm.raise(vm.e_TypeError, "__setattr__ expects (name, value)");
    DictObject* d = vm.instance_dict(a[0], true);
    if (!d)
        return vm.raisef(vm.e_AttributeError, "'%s' object has no attribute '%s'", type_name(a[0]).c_str(),
                         as_str(a[1])->data());
    // Honour properties, then store.
    Value descr = vm.type_lookup(vm.type_of(a[0]), as_str(a[1]));
    if (!descr.is_null() && is_kind(descr, ObjKind::Property)) {
        auto* p = descr.as<PropertyObject>();
        if (p->m_set.is_none()) return vm.raise(vm.e_AttributeError, "can't set attribute");
        return vm.call(p->m_set, {a[0], a[2]}).is_null() ? Value() : Value::none();
    }
    dict_set_str(vm, d, vm.intern(as_str(a[1])->view()), a[2]);
    return Value::none();
}
Value obj_getattribute(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_str(a[1])) return vm.raise(vm.e_TypeError, "__getattribute__ expects a name");
    return vm.getattr(a[0], vm.intern(as_str(a[1])->view()));
}
Value obj_delattr(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_str(a[1])) return vm.raise(vm.e_TypeError, "__delattr__ expects a name");
    DictObject* d = vm.instance_dict(a[0], false);
    if (!d || !dict_del_str(d, vm.intern(as_str(a[1])->view())))
        return vm.raisef(vm.e_AttributeError, "'%s' object has no attribute '%s'", type_name(a[0]).c_str(),
                         as_str(a[1])->data());
    return Value::none();
}
Value obj_class(VM& vm, Value* a, int, TupleObject*, Value&) { return Value::object(vm.type_of(a[0])); }
Value obj_dict(VM& vm, Value* a, int, TupleObject*, Value&) {
    DictObject* d = vm.instance_dict(a[0], true);
    if (!d) return vm.raisef(vm.e_AttributeError, "'%s' object has no attribute '__dict__'", type_name(a[0]).c_str());
    return Value::object(d);
}
Value obj_init_subclass(VM&, Value*, int, TupleObject*, Value&) { return Value::none(); }
Value obj_dir(VM& vm, Value* a, int, TupleObject*, Value&) {
    SetObject* s = vm.new_set();
    Value sv = Value::steal(s);
    DictObject* d = vm.instance_dict(a[0], false);
    if (d) set_update(vm, s, Value::object(d));
    TypeObject* t = is_kind(a[0], ObjKind::Type) ? a[0].as<TypeObject>() : vm.type_of(a[0]);
    for (TypeObject* m : t->m_mro) set_update(vm, s, Value::object(m->m_dict));
    Value l = list_from_iterable(vm, sv);
    if (l.is_null() || !list_sort(vm, l.as<ListObject>(), Value(), false)) return Value();
    return l;
}

TypeObject* self_type(Value* a) { return a[0].as<TypeObject>(); }
Value ty_name(VM&, Value* a, int, TupleObject*, Value&) { return self_type(a)->m_name; }
Value ty_set_name(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (!is_str(a[1])) return vm.raise(vm.e_TypeError, "can only assign string to __name__");
    self_type(a)->m_name = a[1];
    return Value::none();
}
Value ty_qualname(VM&, Value* a, int, TupleObject*, Value&) { return self_type(a)->m_qualname; }
Value ty_set_qualname(VM&, Value* a, int, TupleObject*, Value&) {
    self_type(a)->m_qualname = a[1];
    return Value::none();
}
Value ty_module(VM&, Value* a, int, TupleObject*, Value&) { return self_type(a)->m_module; }
Value ty_set_module(VM&, Value* a, int, TupleObject*, Value&) {
    self_type(a)->m_module = a[1];
    return Value::none();
}
Value ty_bases(VM&, Value* a, int, TupleObject*, Value&) { return self_type(a)->m_bases; }
Value ty_base(VM&, Value* a, int, TupleObject*, Value&) {
    TypeObject* b = self_type(a)->m_base;
    return b ? Value::object(b) : Value::none();
}
Value ty_mro(VM& vm, Value* a, int, TupleObject*, Value&) {
    std::vector<Value> items;
    for (TypeObject* m : self_type(a)->m_mro) items.push_back(Value::object(m));
    return tuple_from_vector(vm, items);
}
Value ty_mro_method(VM& vm, Value* a, int n, TupleObject* kw, Value& d) {
    Value t = ty_mro(vm, a, n, kw, d);
    return list_from_iterable(vm, t);
}
Value ty_dict(VM& vm, Value* a, int, TupleObject*, Value&) { return Value::steal(dict_copy(vm, self_type(a)->m_dict)); }
Value ty_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    TypeObject* t = self_type(a);
    std::string s = "<class '";
    std::string mod = is_str(t->m_module) ? as_str(t->m_module)->str() : "";
    if (!mod.empty() && mod != "builtins") s += mod + ".";
    s += as_str(t->m_qualname)->str();
    s += "'>";
    if (t->m_tflags & TF_ENUM && false) s = "";
    return vm.str(s);
}
Value ty_call(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    return type_call(vm, self_type(a), a + 1, n - 1, kw);
}
Value ty_subclasscheck(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_kind(a[1], ObjKind::Type)) return vm.raise(vm.e_TypeError, "issubclass() arg 1 must be a class");
    return Value::boolean(VM::is_subtype(a[1].as<TypeObject>(), self_type(a)));
}
Value ty_instancecheck(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "__instancecheck__ expects one argument");
    return Value::boolean(vm.isinstance(a[1], self_type(a)));
}
Value ty_subclasses(VM& vm, Value* a, int, TupleObject*, Value&) {
    ListObject* l = vm.new_list();
    Value lv = Value::steal(l);
    TypeObject* t = self_type(a);
    for (Object* o = vm.m_all.m_next; o != &vm.m_all; o = o->m_next) {
        if (kind_of(o) != ObjKind::Type) continue;
        auto* c = static_cast<TypeObject*>(o);
        if (!is_kind(c->m_bases, ObjKind::Tuple)) continue;
        auto* b = c->m_bases.as<TupleObject>();
        for (uint32_t i = 0; i < b->m_size; ++i)
            if (b->items()[i].as_obj() == t) list_append(vm, l, Value::object(c));
    }
    return lv;
}

}  // namespace

// [SECTION] property, staticmethod, classmethod, super

namespace {

Value property_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    Value a[4];
    if (!parse_args(vm, "property", args, nargs, kw, {"fget", "fset", "fdel", "doc"}, 0, a)) return Value();
    auto* p = vm.alloc<PropertyObject>(vm.t_property, ObjKind::Property);
    p->m_get = a[0].is_null() ? Value::none() : a[0];
    p->m_set = a[1].is_null() ? Value::none() : a[1];
    p->m_del = a[2].is_null() ? Value::none() : a[2];
    p->m_doc = a[3].is_null() ? Value::none() : a[3];
    if (p->m_doc.is_none() && !p->m_get.is_none()) {
        Value d = vm.getattr_opt(p->m_get, vm.names().d_doc);
        if (!d.is_null()) p->m_doc = d;
    }
    return Value::steal(p);
}

Value prop_copy(VM& vm, PropertyObject* src, int which, const Value& f) {
    auto* p = vm.alloc<PropertyObject>(vm.t_property, ObjKind::Property);
    p->m_get = which == 0 ? f : src->m_get;
    p->m_set = which == 1 ? f : src->m_set;
    p->m_del = which == 2 ? f : src->m_del;
    p->m_doc = src->m_doc;
    return Value::steal(p);
}
Value prop_getter(VM& vm, Value* a, int, TupleObject*, Value&) {
    return prop_copy(vm, a[0].as<PropertyObject>(), 0, a[1]);
}
Value prop_setter(VM& vm, Value* a, int, TupleObject*, Value&) {
    return prop_copy(vm, a[0].as<PropertyObject>(), 1, a[1]);
}
Value prop_deleter(VM& vm, Value* a, int, TupleObject*, Value&) {
    return prop_copy(vm, a[0].as<PropertyObject>(), 2, a[1]);
}
Value prop_fget(VM&, Value* a, int, TupleObject*, Value&) { return a[0].as<PropertyObject>()->m_get; }
Value prop_fset(VM&, Value* a, int, TupleObject*, Value&) { return a[0].as<PropertyObject>()->m_set; }
Value prop_doc(VM&, Value* a, int, TupleObject*, Value&) { return a[0].as<PropertyObject>()->m_doc; }
Value prop_get(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 2 || a[1].is_none()) return a[0];
    return bind_descriptor(vm, a[0], a[1], vm.type_of(a[1]));
}

Value wrapper_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw) {
    if (!no_kwargs(vm, as_str(t->m_name)->data(), kw)) return Value();
    if (nargs != 1)
        return vm.raisef(vm.e_TypeError, "%s expected 1 argument, got %d", as_str(t->m_name)->data(), nargs);
    auto* w = vm.alloc<WrapperObject>(t, t == vm.t_staticmethod ? ObjKind::StaticMethod : ObjKind::ClassMethod);
    w->m_func = args[0];
    return Value::steal(w);
}
Value wrapper_func(VM&, Value* a, int, TupleObject*, Value&) { return a[0].as<WrapperObject>()->m_func; }
Value wrapper_call(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    return vm.call(a[0].as<WrapperObject>()->m_func, a + 1, n - 1, kw);
}
Value wrapper_get(VM& vm, Value* a, int n, TupleObject*, Value&) {
    Value obj = n > 1 ? a[1] : Value::none();
    TypeObject* t = n > 2 && is_kind(a[2], ObjKind::Type) ? a[2].as<TypeObject>() : vm.type_of(obj);
    return bind_descriptor(vm, a[0], obj.is_none() ? Value() : obj, t);
}

Value super_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    if (!no_kwargs(vm, "super", kw)) return Value();
    Value type, obj;
    if (nargs == 0) {
        // Zero-argument form: the calling frame's __class__ cell and first argument.
        Frame* f = vm.current_frame();
        if (!f) return vm.raise(vm.e_RuntimeError, "super(): no current frame");
        CodeObject* c = f->m_code;
        if (c->m_argcount == 0 && !(c->m_flags & CO_VARARGS))
            return vm.raise(vm.e_RuntimeError, "super(): no arguments");
        Value first = f->slots()[0];
        // The first argument may have been moved into a cell.
        for (int i = 0; i < c->ncells(); ++i)
            if (c->m_cell_args[i] == 0) first = f->slots()[c->nlocals() + i].as<CellObject>()->m_value;
        if (is_kind(first, ObjKind::Cell)) first = first.as<CellObject>()->m_value;
        int idx = -1;
        for (int i = 0; i < c->nfree(); ++i)
            if (as_str(c->m_freenames[i])->view() == "__class__") idx = c->nlocals() + c->ncells() + i;
        if (idx < 0) return vm.raise(vm.e_RuntimeError, "super(): __class__ cell not found");
        Value cls = f->slots()[idx].as<CellObject>()->m_value;
        if (cls.is_null() || !is_kind(cls, ObjKind::Type))
            return vm.raise(vm.e_RuntimeError, "super(): empty __class__ cell");
        if (first.is_null()) return vm.raise(vm.e_RuntimeError, "super(): arg[0] deleted");
        type = cls;
        obj = first;
    } else if (nargs == 2) {
        type = args[0];
        obj = args[1];
        if (!is_kind(type, ObjKind::Type))
            return vm.raisef(vm.e_TypeError, "super() argument 1 must be a type, not %s", type_name(type).c_str());
    } else {
        return vm.raise(vm.e_TypeError, "super() takes 0 or 2 arguments here");
    }
    TypeObject* objtype;
    if (is_kind(obj, ObjKind::Type) && VM::is_subtype(obj.as<TypeObject>(), type.as<TypeObject>()))
        objtype = obj.as<TypeObject>();
    else if (vm.isinstance(obj, type.as<TypeObject>()))
        objtype = vm.type_of(obj);
    else
        return vm.raise(vm.e_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    auto* s = vm.alloc<SuperObject>(vm.t_super, ObjKind::Super);
    s->m_start = type.as<TypeObject>();
    incref(s->m_start);
    s->m_obj = obj;
    s->m_objtype = objtype;
    incref(objtype);
    return Value::steal(s);
}

}  // namespace

static Value super_getattr(VM& vm, SuperObject* s, StrObject* name, bool raise) {
    const auto& mro = s->m_objtype->m_mro;
    size_t i = 0;
    while (i < mro.size() && mro[i] != s->m_start) ++i;
    if (name != vm.names().d_class) {
        for (++i; i < mro.size(); ++i) {
            Value* v = dict_get_str(mro[i]->m_dict, name);
            if (!v) continue;
            Value attr = *v;
            bool obj_is_type = is_kind(s->m_obj, ObjKind::Type) && s->m_obj.as<TypeObject>() == s->m_objtype;
            return bind_descriptor(vm, attr, obj_is_type ? Value() : s->m_obj, s->m_objtype);
        }
    }
    // (Not generic_getattr on the super object: it dispatches back here.)
    if (!raise) return Value();
    return vm.raisef(vm.e_AttributeError, "'super' object has no attribute '%s'", name->data());
}

void init_object_type(VM& vm) {
    TypeObject* o = vm.t_object;
    vm.add_method(o, "__init__", obj_init);
    vm.add_method(o, "__new__", obj_new, 0);
    vm.add_method(o, "__repr__", obj_repr);
    vm.add_method(o, "__str__", obj_str);
    vm.add_method(o, "__eq__", obj_eq);
    vm.add_method(o, "__ne__", obj_ne);
    vm.add_method(o, "__hash__", obj_hash);
    vm.add_method(o, "__format__", obj_format);
    vm.add_method(o, "__setattr__", obj_setattr);
    vm.add_method(o, "__getattribute__", obj_getattribute);
    vm.add_method(o, "__delattr__", obj_delattr);
    vm.add_method(o, "__dir__", obj_dir);
    vm.add_method(o, "__init_subclass__", obj_init_subclass, NF_CLASSMETHOD);
    vm.add_property(o, "__class__", obj_class);
    vm.add_property(o, "__dict__", obj_dict);

    TypeObject* t = vm.t_type;
    vm.add_property(t, "__name__", ty_name, ty_set_name);
    vm.add_property(t, "__qualname__", ty_qualname, ty_set_qualname);
    vm.add_property(t, "__module__", ty_module, ty_set_module);
    vm.add_property(t, "__bases__", ty_bases);
    vm.add_property(t, "__base__", ty_base);
    vm.add_property(t, "__mro__", ty_mro);
    vm.add_property(t, "__dict__", ty_dict);
    vm.add_method(t, "mro", ty_mro_method);
    vm.add_method(t, "__repr__", ty_repr);
    vm.add_method(t, "__call__", ty_call);
    vm.add_method(t, "__new__", ty_new, 0);
    t->m_new = type_new_for;
    vm.add_method(t, "__init__", ty_init);
    vm.add_method(t, "__subclasscheck__", ty_subclasscheck);
    vm.add_method(t, "__instancecheck__", ty_instancecheck);
    vm.add_method(t, "__subclasses__", ty_subclasses);

    vm.t_property->m_new = property_new;
    vm.add_method(vm.t_property, "getter", prop_getter);
    vm.add_method(vm.t_property, "setter", prop_setter);
    vm.add_method(vm.t_property, "deleter", prop_deleter);
    vm.add_method(vm.t_property, "__get__", prop_get);
    vm.add_property(vm.t_property, "fget", prop_fget);
    vm.add_property(vm.t_property, "fset", prop_fset);
    vm.add_property(vm.t_property, "__doc__", prop_doc);
    vm.t_staticmethod->m_new = wrapper_new;
    vm.t_classmethod->m_new = wrapper_new;
    for (TypeObject* w : {vm.t_staticmethod, vm.t_classmethod}) {
        vm.add_property(w, "__func__", wrapper_func);
        vm.add_method(w, "__get__", wrapper_get);
    }
    vm.add_method(vm.t_staticmethod, "__call__", wrapper_call);
    vm.t_super->m_new = super_new;
    init_enum_type(vm);  // modules/mod_enum.cpp
}

}  // namespace aio::script
