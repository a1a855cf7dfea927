// builtins.cpp — the builtin functions (print, len, sorted, ...).
//
// Contents
//   [SECTION] Output and print
//   [SECTION] Introspection (isinstance, getattr, id, ...)
//   [SECTION] Iteration helpers (iter, next, sum, min, max, sorted, any, all)
//   [SECTION] Numbers (abs, round, divmod, pow, hex, chr, ord)
//   [SECTION] Code (exec, eval, __build_class__, globals, locals)
//   [SECTION] Registration
#include <cmath>

#include "compile/compiler.hpp"
#include "vm/native.hpp"
#include "objects/runtime.hpp"
#include "compile/unicode.hpp"

namespace aio::script {

Value int_pow(VM& vm, int64_t a, int64_t b);

// [SECTION] Output and print

bool VM::write(int stream, std::string_view text) {
    m_output += text.size();
    if (m_output > m_limits.max_output) {
        raisef(e_RuntimeError, "output limit exceeded (%zu bytes)", m_limits.max_output);
        return false;
    }
    if (m_write) m_write(stream, text);
    return true;
}

// sys.stdout / sys.stderr
struct StreamObject : CxxObject {
    int m_fd = 1;
};

static int stream_of(VM& vm, const Value& file, bool& custom) {
    custom = false;
    if (file.is_null() || file.is_none()) return 1;
    if (is_kind(file, ObjKind::Cxx) &&
        vm.type_of(file) == vm.type_lookup(vm.t_object, vm.intern("__stream_type__")).as<TypeObject>())
        return static_cast<StreamObject*>(file.as<CxxObject>())->m_fd;
    custom = true;
    return 0;
}

namespace {

// open(): read-only text files, from Python-level `io` (lib/io.py).
Value b_open(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value io = vm.import_module(vm.intern("io"));
    if (io.is_null()) return Value();
    Value fn = vm.getattr(io, vm.intern("open"));
    if (fn.is_null()) return Value();
    return vm.call(fn, a, n, kw);
}

Value b_print(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    int npos = n - nkw;
    Value sep, end, file, flush;
    for (int i = 0; i < nkw; ++i) {
        std::string_view k = as_str(kw->items()[i])->view();
        const Value& v = a[npos + i];
        if (k == "sep")
            sep = v;
        else if (k == "end")
            end = v;
        else if (k == "file")
            file = v;
        else if (k == "flush")
            flush = v;
        else
            return vm.raisef(vm.e_TypeError, "'%.*s' is an invalid keyword argument for print()",
                             static_cast<int>(k.size()), k.data());
    }
    if (!sep.is_null() && !sep.is_none() && !is_str(sep))
        return vm.raisef(vm.e_TypeError, "sep must be None or a string, not %s", type_name(sep).c_str());
    if (!end.is_null() && !end.is_none() && !is_str(end))
        return vm.raisef(vm.e_TypeError, "end must be None or a string, not %s", type_name(end).c_str());
    std::string out;
    for (int i = 0; i < npos; ++i) {
        if (i) out += (sep.is_null() || sep.is_none()) ? " " : as_str(sep)->view();
        if (!vm.str_into(a[i], out)) return Value();
    }
    out += (end.is_null() || end.is_none()) ? "\n" : as_str(end)->view();
    bool custom;
    int fd = stream_of(vm, file, custom);
    if (custom) {
        Value r = vm.call_method(file, "write", {vm.str(out)});
        if (r.is_null()) return Value();
    } else if (!vm.write(fd, out)) {
        return Value();
    }
    if (!flush.is_null()) {
        int t = vm.truthy(flush);
        if (t < 0) return Value();
        if (t && custom && vm.call_method(file, "flush", {}).is_null()) return Value();
        if (t && !custom) vm.flush(fd);
    }
    return Value::none();
}

Value stream_write(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_str(a[1]))
        return vm.raisef(vm.e_TypeError, "write() argument must be str, not %s",
                         n == 2 ? type_name(a[1]).c_str() : "nothing");
    if (!vm.write(static_cast<StreamObject*>(a[0].as<CxxObject>())->m_fd, as_str(a[1])->view())) return Value();
    return Value::integer(as_str(a[1])->m_length);
}
Value stream_flush(VM& vm, Value* a, int, TupleObject*, Value&) {
    vm.flush(static_cast<StreamObject*>(a[0].as<CxxObject>())->m_fd);
    return Value::none();
}
Value stream_isatty(VM&, Value*, int, TupleObject*, Value&) { return Value::boolean(false); }
Value stream_fileno(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::integer(static_cast<StreamObject*>(a[0].as<CxxObject>())->m_fd);
}

// [SECTION] Introspection

Value b_len(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "len", kw)) return Value();
    if (n != 1) return vm.raisef(vm.e_TypeError, "len() takes exactly one argument (%d given)", n);
    return vm.len(a[0]);
}

Value b_repr(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "repr() takes exactly one argument (%d given)", n);
    return vm.repr(a[0]);
}

Value b_ascii(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "ascii() takes exactly one argument (%d given)", n);
    Value r = vm.repr(a[0]);
    if (r.is_null()) return r;
    std::string out;
    std::string_view s = as_str(r)->view();
    size_t p = 0;
    while (p < s.size()) {
        uint32_t c = utf8::next(s, &p);
        char buf[16];
        if (c < 0x80)
            out += static_cast<char>(c);
        else if (c < 0x100) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else if (c < 0x10000) {
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            std::snprintf(buf, sizeof buf, "\\U%08x", c);
            out += buf;
        }
    }
    return vm.str(out);
}

bool isinstance_check(VM& vm, const Value& obj, const Value& cls, int& out, bool sub) {
    if (is_kind(cls, ObjKind::Tuple)) {
        auto* t = cls.as<TupleObject>();
        for (uint32_t i = 0; i < t->m_size; ++i) {
            if (!isinstance_check(vm, obj, t->items()[i], out, sub)) return false;
            if (out) return true;
        }
        out = 0;
        return true;
    }
    if (!is_kind(cls, ObjKind::Type)) {
        // Objects with __instancecheck__ (rare) are not supported; report like CPython.
        vm.raisef(vm.e_TypeError, sub ? "issubclass() arg 2 must be a class, a tuple of classes, or a union"
                                      : "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return false;
    }
    // A metaclass's __instancecheck__/__subclasscheck__ (abc.ABCMeta) decides for its classes.
    TypeObject* meta = cls.as_obj()->m_type;
    if (meta != vm.t_type && !(!sub && vm.type_of(obj) == cls.as_obj())) {
        Value hook = vm.type_lookup(meta, vm.intern(sub ? "__subclasscheck__" : "__instancecheck__"));
        if (!hook.is_null() && !(is_kind(hook, ObjKind::Native) && hook.as<NativeObject>()->m_owner == vm.t_type)) {
            Value r = vm.call(hook, {cls, obj});
            if (r.is_null()) return false;
            int t = vm.truthy(r);
            if (t < 0) return false;
            out = t;
            return true;
        }
    }
    if (sub) {
        if (!is_kind(obj, ObjKind::Type)) {
            vm.raise(vm.e_TypeError, "issubclass() arg 1 must be a class");
            return false;
        }
        out = VM::is_subtype(obj.as<TypeObject>(), cls.as<TypeObject>());
    } else {
        out = vm.isinstance(obj, cls.as<TypeObject>());
    }
    return true;
}

Value b_isinstance(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raisef(vm.e_TypeError, "isinstance expected 2 arguments, got %d", n);
    int r;
    if (!isinstance_check(vm, a[0], a[1], r, false)) return Value();
    return Value::boolean(r);
}
Value b_issubclass(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raisef(vm.e_TypeError, "issubclass expected 2 arguments, got %d", n);
    int r;
    if (!isinstance_check(vm, a[0], a[1], r, true)) return Value();
    return Value::boolean(r);
}

StrObject* attr_name(VM& vm, const Value& v, const char* fn) {
    if (!is_str(v)) {
        vm.raisef(vm.e_TypeError, "%s(): attribute name must be string", fn);
        return nullptr;
    }
    return vm.intern(as_str(v)->view());
}

Value b_getattr(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 2 || n > 3) return vm.raisef(vm.e_TypeError, "getattr expected 2 or 3 arguments, got %d", n);
    StrObject* name = attr_name(vm, a[1], "getattr");
    if (!name) return Value();
    if (n == 3) {
        Value r = vm.getattr(a[0], name);
        if (r.is_null() && vm.exc_matches(vm.e_AttributeError)) {
            vm.clear_exc();
            return a[2];
        }
        return r;
    }
    return vm.getattr(a[0], name);
}
Value b_setattr(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 3) return vm.raisef(vm.e_TypeError, "setattr expected 3 arguments, got %d", n);
    StrObject* name = attr_name(vm, a[1], "setattr");
    if (!name || !vm.setattr(a[0], name, a[2])) return Value();
    return Value::none();
}
Value b_delattr(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raisef(vm.e_TypeError, "delattr expected 2 arguments, got %d", n);
    StrObject* name = attr_name(vm, a[1], "delattr");
    if (!name || !vm.delattr(a[0], name)) return Value();
    return Value::none();
}
Value b_hasattr(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raisef(vm.e_TypeError, "hasattr expected 2 arguments, got %d", n);
    StrObject* name = attr_name(vm, a[1], "hasattr");
    if (!name) return Value();
    Value r = vm.getattr(a[0], name);
    if (r.is_null()) {
        if (vm.exc_matches(vm.e_AttributeError)) {
            vm.clear_exc();
            return Value::boolean(false);
        }
        return Value();
    }
    return Value::boolean(true);
}

Value b_id(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "id() takes exactly one argument (%d given)", n);
    if (a[0].is_obj()) return Value::integer(static_cast<int64_t>(reinterpret_cast<uintptr_t>(a[0].as_obj())));
    // Unboxed values: a stable number derived from the value.
    return Value::integer(static_cast<int64_t>(0x100000 + (static_cast<uint64_t>(vm.hash(a[0])) & 0xffffffffff) * 32 +
                                               static_cast<int>(a[0].tag())));
}
Value b_hash(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "hash() takes exactly one argument (%d given)", n);
    int64_t h = vm.hash(a[0]);
    if (h == -1 && vm.has_exc()) return Value();
    return Value::integer(h);
}
Value b_callable(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "callable() takes exactly one argument (%d given)", n);
    const Value& v = a[0];
    if (!v.is_obj()) return Value::boolean(false);
    ObjKind k = kind_of(v.as_obj());
    if (k == ObjKind::Function || k == ObjKind::Native || k == ObjKind::BoundMethod || k == ObjKind::Type)
        return Value::boolean(true);
    return Value::boolean(!vm.type_lookup(vm.type_of(v), vm.names().d_call).is_null());
}
Value b_vars(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n == 0) {
        Frame* f = vm.current_frame();
        return Value::object(f && f->m_ns ? f->m_ns : f ? f->m_globals : vm.main_module()->m_dict);
    }
    if (is_kind(a[0], ObjKind::Type)) return Value::steal(dict_copy(vm, a[0].as<TypeObject>()->m_dict));
    DictObject* d = vm.instance_dict(a[0], true);
    if (!d) return vm.raise(vm.e_TypeError, "vars() argument must have __dict__ attribute");
    return Value::object(d);
}
Value b_dir(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n == 0) {
        Frame* f = vm.current_frame();
        DictObject* d = f && f->m_ns ? f->m_ns : f ? f->m_globals : vm.main_module()->m_dict;
        Value l = list_from_iterable(vm, Value::object(d));
        if (l.is_null() || !list_sort(vm, l.as<ListObject>(), Value(), false)) return Value();
        return l;
    }
    if (is_kind(a[0], ObjKind::Module)) {
        Value l = list_from_iterable(vm, Value::object(a[0].as<ModuleObject>()->m_dict));
        if (l.is_null() || !list_sort(vm, l.as<ListObject>(), Value(), false)) return Value();
        return l;
    }
    return vm.call_method(a[0], "__dir__", {});
}

// [SECTION] Iteration helpers

Value b_iter(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n == 1) return vm.get_iter(a[0]);
    if (n == 2) return iter_new(vm, vm.t_callable_iterator, IterKind::Callable, a[0], a[1]);
    return vm.raisef(vm.e_TypeError, "iter expected at most 2 arguments, got %d", n);
}
Value b_next(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 1 || n > 2) return vm.raisef(vm.e_TypeError, "next expected at least 1 argument, got %d", n);
    const Value& it = a[0];
    bool is_iter = is_kind(it, ObjKind::Iter) ||
                   (is_kind(it, ObjKind::Generator) && it.as<GenObject>()->m_genkind == GenKind::Generator) ||
                   as_native_iter(it) || !vm.type_lookup(vm.type_of(it), vm.names().d_next).is_null();
    if (!is_iter) return vm.raisef(vm.e_TypeError, "'%s' object is not an iterator", type_name(it).c_str());
    if (is_kind(it, ObjKind::Generator)) {
        Value out;
        SendStatus st = vm.gen_send(it.as<GenObject>(), Value::none(), Value(), out);
        if (st == SendStatus::Yield) return out;
        if (st == SendStatus::Error) return Value();
        if (n == 2) return a[1];
        if (out.is_none()) return vm.raise_value(Value::object(vm.e_StopIteration));
        return vm.raise_args(vm.e_StopIteration, out);
    }
    if (is_kind(it, ObjKind::Iter)) {
        Value r = vm.iter_next(it);
        if (!r.is_null()) return r;
        if (vm.has_exc()) return Value();
        if (n == 2) return a[1];
        return vm.raise_value(Value::object(vm.e_StopIteration));
    }
    Value r = vm.call_method(it, "__next__", {});
    if (r.is_null() && n == 2 && vm.exc_matches(vm.e_StopIteration)) {
        vm.clear_exc();
        return a[1];
    }
    return r;
}

Value b_aiter(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "aiter expected 1 argument, got %d", n);
    Value f = vm.type_lookup(vm.type_of(a[0]), vm.names().d_aiter);
    if (f.is_null()) return vm.raisef(vm.e_TypeError, "'%s' object is not an async iterable", type_name(a[0]).c_str());
    return vm.call(f, {a[0]});
}

// anext(it, default): awaitable that returns default on StopAsyncIteration.
struct ANextDefault : NativeIter {
    Value m_inner;
    Value m_default;
    SendStatus fix(VM& vm, SendStatus st, Value& out) {
        if (st == SendStatus::Error && vm.exc_matches(vm.e_StopAsyncIteration)) {
            vm.clear_exc();
            out = m_default;
            return SendStatus::Return;
        }
        return st;
    }
    SendStatus send(VM& vm, Value v, Value& out) override { return fix(vm, vm.send(m_inner, std::move(v), out), out); }
    SendStatus throw_(VM& vm, Value exc, Value& out) override {
        if (NativeIter* it = as_native_iter(m_inner)) return fix(vm, it->throw_(vm, std::move(exc), out), out);
        if (is_kind(m_inner, ObjKind::Generator))
            return fix(vm, gen_throw(vm, m_inner.as<GenObject>(), std::move(exc), out, false), out);
        vm.set_exc(std::move(exc));
        return SendStatus::Error;
    }
    void clear_refs() override { m_inner = m_default = Value(); }
};

Value b_anext(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 1 || n > 2) return vm.raisef(vm.e_TypeError, "anext expected 1 or 2 arguments, got %d", n);
    Value f = vm.type_lookup(vm.type_of(a[0]), vm.names().d_anext);
    if (f.is_null()) return vm.raisef(vm.e_TypeError, "'%s' object is not an async iterator", type_name(a[0]).c_str());
    Value aw = vm.call(f, {a[0]});
    if (aw.is_null() || n == 1) return aw;
    Value inner = get_awaitable(vm, aw, 0);
    if (inner.is_null()) return Value();
    TypeObject* t = vm.type_lookup(vm.t_object, vm.intern("__anext_default_type__")).as<TypeObject>();
    auto* w = new_native_iter<ANextDefault>(vm, t);
    w->m_inner = inner;
    w->m_default = a[1];
    return Value::steal(w);
}

Value b_sum(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (!parse_args(vm, "sum", a, n, kw, {"iterable", "start"}, 1, args)) return Value();
    Value acc = args[1].is_null() ? Value::integer(0) : args[1];
    if (is_str(acc)) return vm.raise(vm.e_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Value it = vm.get_iter(args[0]);
    if (it.is_null()) return Value();
    for (;;) {
        Value x = vm.iter_next(it);
        if (x.is_null()) break;
        if (acc.is_int() && x.is_int()) {
            int64_t r;
            if (!__builtin_add_overflow(acc.as_int(), x.as_int(), &r)) {
                acc = Value::integer(r);
                continue;
            }
        }
        if (acc.is_float() && x.is_float()) {
            acc = Value::real(acc.as_float() + x.as_float());
            continue;
        }
        acc = vm.binary_op(BinOp::Add, acc, x);
        if (acc.is_null()) return Value();
    }
    if (vm.has_exc()) return Value();
    return acc;
}

Value minmax(VM& vm, Value* a, int n, TupleObject* kw, bool want_max) {
    const char* name = want_max ? "max" : "min";
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    int npos = n - nkw;
    Value key, def;
    for (int i = 0; i < nkw; ++i) {
        std::string_view k = as_str(kw->items()[i])->view();
        if (k == "key")
            key = a[npos + i];
        else if (k == "default")
            def = a[npos + i];
        else
            return vm.raisef(vm.e_TypeError, "%s() got an unexpected keyword argument '%.*s'", name,
                             static_cast<int>(k.size()), k.data());
    }
    if (npos == 0) return vm.raisef(vm.e_TypeError, "%s expected at least 1 argument, got 0", name);
    std::vector<Value> items;
    if (npos == 1) {
        if (!vm.to_list(a[0], items)) return Value();
    } else {
        if (!def.is_null())
            return vm.raisef(vm.e_TypeError, "Cannot specify a default for %s() with multiple positional arguments",
                             name);
        items.assign(a, a + npos);
    }
    if (key.is_none()) key = Value();
    if (items.empty()) {
        if (!def.is_null()) return def;
        return vm.raisef(vm.e_ValueError, "%s() arg is an empty sequence", name);
    }
    Value best = items[0];
    Value best_key = key.is_null() ? best : vm.call(key, {best});
    if (best_key.is_null()) return Value();
    for (size_t i = 1; i < items.size(); ++i) {
        Value k = key.is_null() ? items[i] : vm.call(key, {items[i]});
        if (k.is_null()) return Value();
        int c = vm.compare_bool(want_max ? 4 : 2, k, best_key);
        if (c < 0) return Value();
        if (c) {
            best = items[i];
            best_key = k;
        }
    }
    return best;
}
Value b_min(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return minmax(vm, a, n, kw, false); }
Value b_max(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return minmax(vm, a, n, kw, true); }

Value b_sorted(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    if (n - nkw != 1) return vm.raisef(vm.e_TypeError, "sorted expected 1 argument, got %d", n - nkw);
    Value key, rev;
    for (int i = 0; i < nkw; ++i) {
        std::string_view k = as_str(kw->items()[i])->view();
        if (k == "key")
            key = a[1 + i];
        else if (k == "reverse")
            rev = a[1 + i];
        else
            return vm.raisef(vm.e_TypeError, "sort() got an unexpected keyword argument '%.*s'",
                             static_cast<int>(k.size()), k.data());
    }
    Value l = list_from_iterable(vm, a[0]);
    if (l.is_null()) return l;
    bool r = false;
    if (!rev.is_null()) {
        int t = vm.truthy(rev);
        if (t < 0) return Value();
        r = t;
    }
    if (!list_sort(vm, l.as<ListObject>(), key, r)) return Value();
    return l;
}

Value any_all(VM& vm, Value* a, int n, bool want_any) {
    if (n != 1)
        return vm.raisef(vm.e_TypeError, "%s() takes exactly one argument (%d given)", want_any ? "any" : "all", n);
    Value it = vm.get_iter(a[0]);
    if (it.is_null()) return Value();
    for (;;) {
        Value x = vm.iter_next(it);
        if (x.is_null()) break;
        int t = vm.truthy(x);
        if (t < 0) return Value();
        if (t == want_any) return Value::boolean(want_any);
    }
    if (vm.has_exc()) return Value();
    return Value::boolean(!want_any);
}
Value b_any(VM& vm, Value* a, int n, TupleObject*, Value&) { return any_all(vm, a, n, true); }
Value b_all(VM& vm, Value* a, int n, TupleObject*, Value&) { return any_all(vm, a, n, false); }

// [SECTION] Numbers

Value b_abs(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "abs() takes exactly one argument (%d given)", n);
    const Value& v = a[0];
    if (v.is_intlike()) {
        int64_t x = v.as_intlike();
        if (x == INT64_MIN) return bigint_unary(vm, 1, v);
        return Value::integer(x < 0 ? -x : x);
    }
    if (v.is_float()) return Value::real(std::fabs(v.as_float()));
    if (is_bigint(v)) return v.as<BigIntObject>()->m_neg ? bigint_unary(vm, 1, v) : v;
    Value f = vm.type_lookup(vm.type_of(v), vm.names().d_abs);
    if (!f.is_null()) return vm.call(f, {v});
    return vm.raisef(vm.e_TypeError, "bad operand type for abs(): '%s'", type_name(v).c_str());
}

Value b_round(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (!parse_args(vm, "round", a, n, kw, {"number", "ndigits"}, 1, args)) return Value();
    Value f = vm.type_lookup(vm.type_of(args[0]), vm.names().d_round);
    if (f.is_null())
        return vm.raisef(vm.e_TypeError, "type %s doesn't define __round__ method", type_name(args[0]).c_str());
    if (args[1].is_null()) return vm.call(f, {args[0]});
    return vm.call(f, {args[0], args[1]});
}

// An int, bool, float or big int: divmod's arithmetic needs no protocol.
bool is_number_like(const Value& v) { return is_number(v) || is_bigint(v); }

Value b_divmod(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raisef(vm.e_TypeError, "divmod expected 2 arguments, got %d", n);
    if (!is_number_like(a[0]) || !is_number_like(a[1])) {
        // __divmod__, then the right operand's __rdivmod__, as the number protocol does.
        for (int side = 0; side < 2; ++side) {
            Value f = vm.type_lookup(vm.type_of(a[side]), vm.intern(side ? "__rdivmod__" : "__divmod__"));
            if (f.is_null()) continue;
            Value r = vm.call(f, {a[side], a[1 - side]});
            if (r.is_null() || !r.identical(vm.m_notimplemented)) return r;
        }
        return vm.raisef(vm.e_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                         type_name(a[0]).c_str(), type_name(a[1]).c_str());
    }
    if (a[0].is_float() || a[1].is_float()) {
        double den;
        if (vm.as_double(a[1], den) && den == 0.0) return vm.raise(vm.e_ZeroDivisionError, "float divmod()");
        vm.clear_exc();
    }
    Value q = vm.binary_op(BinOp::FloorDiv, a[0], a[1]);
    if (q.is_null()) return q;
    Value r = vm.binary_op(BinOp::Mod, a[0], a[1]);
    if (r.is_null()) return r;
    return vm.tuple({q, r});
}

Value b_pow(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[3];
    if (!parse_args(vm, "pow", a, n, kw, {"base", "exp", "mod"}, 2, args)) return Value();
    if (args[2].is_null() || args[2].is_none()) return vm.binary_op(BinOp::Pow, args[0], args[1]);
    if (!is_int_value(args[0])) {
        // pow(x, y, m) for an object: its __pow__(y, m), as the number protocol does (no reflection).
        Value f = vm.type_lookup(vm.type_of(args[0]), vm.intern("__pow__"));
        if (!f.is_null()) {
            Value r = vm.call(f, {args[0], args[1], args[2]});
            if (r.is_null() || !r.identical(vm.m_notimplemented)) return r;
        }
    }
    if (!is_number_like(args[0]) || !is_number_like(args[1]) || !is_number_like(args[2]))
        return vm.raisef(vm.e_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                         type_name(args[0]).c_str(), type_name(args[1]).c_str(), type_name(args[2]).c_str());
    if (!is_int_value(args[0]) || !is_int_value(args[1]) || !is_int_value(args[2]))
        return vm.raise(vm.e_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    BigInt base, e, m;
    to_bigint(args[0], base);
    to_bigint(args[1], e);
    to_bigint(args[2], m);
    if (m.is_zero()) return vm.raise(vm.e_ValueError, "pow() 3rd argument cannot be 0");
    if (!vm.charge(1 + e.bit_length() * m.size() * m.size() / 256)) return Value();
    if (e.is_neg()) {
        // A negative exponent raises base's inverse modulo |m| (extended Euclid).
        BigInt mod = m.abs(), r0, r1, t0, t1 = BigInt::from_i64(1), q, r;
        bigint_divmod(base, mod, nullptr, &r1);
        r0 = mod;
        while (!r1.is_zero()) {
            bigint_divmod(r0, r1, &q, &r);
            BigInt t = bigint_sub(t0, bigint_mul(q, t1));
            r0 = std::move(r1), r1 = std::move(r);
            t0 = std::move(t1), t1 = std::move(t);
        }
        if (bigint_cmp(r0, BigInt::from_i64(1)) != 0)
            return vm.raise(vm.e_ValueError, "base is not invertible for the given modulus");
        base = std::move(t0);
        e = e.abs();
    }
    return int_value(vm, bigint_powmod(base, e, m));
}

Value radix(VM& vm, const Value& v, int base, const char* prefix) {
    Value iv = v;
    if (!is_int_value(v)) {
        int64_t x;
        if (!int_from_value(vm, v, x, "")) return Value();
        iv = Value::integer(x);
    }
    std::string digits;
    bool neg;
    if (!int_digits(vm, iv, base, false, digits, neg)) return Value();
    return vm.str(std::string(neg ? "-" : "") + prefix + digits);
}
Value b_hex(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "hex() takes exactly one argument (%d given)", n);
    return radix(vm, a[0], 16, "0x");
}
Value b_oct(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "oct() takes exactly one argument (%d given)", n);
    return radix(vm, a[0], 8, "0o");
}
Value b_bin(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "bin() takes exactly one argument (%d given)", n);
    return radix(vm, a[0], 2, "0b");
}
Value b_chr(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "chr() takes exactly one argument (%d given)", n);
    int64_t c;
    if (!int_from_value(vm, a[0], c, "")) return Value();
    if (c < 0 || c > 0x10ffff) return vm.raise(vm.e_ValueError, "chr() arg not in range(0x110000)");
    std::string s;
    utf8::append(s, static_cast<uint32_t>(c));
    return vm.str(s);
}
Value b_ord(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "ord() takes exactly one argument (%d given)", n);
    if (!is_str(a[0]))
        return vm.raisef(vm.e_TypeError, "ord() expected string of length 1, but %s found", type_name(a[0]).c_str());
    StrObject* s = as_str(a[0]);
    if (s->m_length != 1)
        return vm.raisef(vm.e_TypeError, "ord() expected a character, but string of length %u found", s->m_length);
    size_t p = 0;
    return Value::integer(utf8::next(s->view(), &p));
}
Value b_format(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 1 || n > 2) return vm.raisef(vm.e_TypeError, "format expected at most 2 arguments, got %d", n);
    if (n == 2 && !is_str(a[1]))
        return vm.raisef(vm.e_TypeError, "format() argument 2 must be str, not %s", type_name(a[1]).c_str());
    return vm.format(a[0], n == 2 ? as_str(a[1])->view() : "");
}

Value b_input(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n > 0) {
        std::string s;
        if (!vm.str_into(a[0], s) || !vm.write(1, s)) return Value();
    }
    return vm.raise(vm.e_EOFError, "EOF when reading a line");
}

Value b_exit(VM& vm, Value* a, int n, TupleObject*, Value&) {
    Value args = n > 0 ? vm.tuple({a[0]}) : vm.m_empty_tuple;
    vm.set_exc(vm.new_exception(vm.e_SystemExit, args));
    return Value();
}

// [SECTION] Code

Value b_build_class(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    int npos = n - nkw;
    if (npos < 2) return vm.raise(vm.e_TypeError, "__build_class__: not enough arguments");
    if (!is_kind(a[0], ObjKind::Function)) return vm.raise(vm.e_TypeError, "__build_class__: func must be a function");
    return vm.build_class(a[0], a[1], a + 2, npos - 2, kw, a + npos, nkw);
}

Value b_globals(VM& vm, Value*, int, TupleObject*, Value&) {
    Frame* f = vm.current_frame();
    return Value::object(f ? f->m_globals : vm.main_module()->m_dict);
}

Value b_locals(VM& vm, Value*, int, TupleObject*, Value&) {
    Frame* f = vm.current_frame();
    if (!f) return Value::object(vm.main_module()->m_dict);
    if (f->m_ns) return Value::object(f->m_ns);
    if (f->m_code->m_flags & CO_MODULE) return Value::object(f->m_globals);
    DictObject* d = vm.new_dict();
    Value dv = Value::steal(d);
    CodeObject* c = f->m_code;
    for (int i = 0; i < c->nlocals(); ++i)
        if (!f->slots()[i].is_null()) dict_set_str(vm, d, as_str(c->m_varnames[i]), f->slots()[i]);
    for (int i = 0; i < c->ncells(); ++i) {
        const Value& v = f->slots()[c->nlocals() + i].as<CellObject>()->m_value;
        if (!v.is_null()) dict_set_str(vm, d, as_str(c->m_cellnames[i]), v);
    }
    return dv;
}

Value run_code_in(VM& vm, Value* a, int n, bool eval) {
    if (n < 1 || !is_str(a[0])) return vm.raisef(vm.e_TypeError, "%s() arg 1 must be a string", eval ? "eval" : "exec");
    Frame* f = vm.current_frame();
    DictObject* globals =
        n > 1 && is_kind(a[1], ObjKind::Dict) ? a[1].as<DictObject>() : (f ? f->m_globals : vm.main_module()->m_dict);
    std::string src = as_str(a[0])->str();
    if (eval) src = "__eval_result__ = (" + src + "\n)";
    bool syntax = false;
    Value r = vm.run_source(src, "<string>", globals, &syntax);
    if (r.is_null()) return r;
    if (!eval) return Value::none();
    Value* v = dict_get_str(globals, vm.intern("__eval_result__"));
    Value out = v ? *v : Value::none();
    dict_del_str(globals, vm.intern("__eval_result__"));
    return out;
}
Value b_exec(VM& vm, Value* a, int n, TupleObject*, Value&) { return run_code_in(vm, a, n, false); }
Value b_eval(VM& vm, Value* a, int n, TupleObject*, Value&) { return run_code_in(vm, a, n, true); }

}  // namespace

// [SECTION] Registration

Value build_function(VM& vm, CodeObject* code, Frame* f, uint32_t flags, Value* extras) {
    auto* fn = vm.alloc<FunctionObject>(vm.t_function, ObjKind::Function);
    fn->m_code = code;
    incref(code);
    fn->m_globals = f->m_globals;
    incref(f->m_globals);
    fn->m_name = code->m_name;
    fn->m_qualname = code->m_qualname;
    Value* mod = dict_get_str(f->m_globals, vm.names().d_name);
    fn->m_module = mod ? *mod : Value::none();
    fn->m_doc = code->m_doc.is_null() ? Value::none() : code->m_doc;
    if (flags & 1) fn->m_defaults = std::move(extras[0]);
    if (flags & 2) fn->m_kwdefaults = std::move(extras[1]);
    if (flags & 8) fn->m_closure = std::move(extras[2]);
    return Value::steal(fn);
}

namespace {

FunctionObject* self_fn(Value* a) { return a[0].as<FunctionObject>(); }
Value fn_name(VM&, Value* a, int, TupleObject*, Value&) { return self_fn(a)->m_name; }
Value fn_set_name(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (!is_str(a[1])) return vm.raise(vm.e_TypeError, "__name__ must be set to a string object");
    self_fn(a)->m_name = a[1];
    return Value::none();
}
Value fn_qualname(VM&, Value* a, int, TupleObject*, Value&) { return self_fn(a)->m_qualname; }
Value fn_set_qualname(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (!is_str(a[1])) return vm.raise(vm.e_TypeError, "__qualname__ must be set to a string object");
    self_fn(a)->m_qualname = a[1];
    return Value::none();
}
Value fn_module(VM&, Value* a, int, TupleObject*, Value&) { return self_fn(a)->m_module; }
Value fn_set_module(VM&, Value* a, int, TupleObject*, Value&) {
    self_fn(a)->m_module = a[1];
    return Value::none();
}
Value fn_doc(VM&, Value* a, int, TupleObject*, Value&) { return self_fn(a)->m_doc; }
Value fn_set_doc(VM&, Value* a, int, TupleObject*, Value&) {
    self_fn(a)->m_doc = a[1];
    return Value::none();
}
Value fn_defaults(VM&, Value* a, int, TupleObject*, Value&) {
    return self_fn(a)->m_defaults.is_null() ? Value::none() : self_fn(a)->m_defaults;
}
Value fn_kwdefaults(VM&, Value* a, int, TupleObject*, Value&) {
    return self_fn(a)->m_kwdefaults.is_null() ? Value::none() : self_fn(a)->m_kwdefaults;
}
Value fn_code(VM&, Value* a, int, TupleObject*, Value&) { return Value::object(self_fn(a)->m_code); }
Value fn_globals(VM&, Value* a, int, TupleObject*, Value&) { return Value::object(self_fn(a)->m_globals); }
Value fn_get(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 2 || a[1].is_none()) return a[0];
    return bind_descriptor(vm, a[0], a[1], vm.type_of(a[1]));
}
Value fn_annotations(VM& vm, Value*, int, TupleObject*, Value&) { return Value::steal(vm.new_dict()); }
Value code_name(VM&, Value* a, int, TupleObject*, Value&) { return a[0].as<CodeObject>()->m_name; }
Value code_filename(VM&, Value* a, int, TupleObject*, Value&) { return a[0].as<CodeObject>()->m_filename; }
Value code_firstline(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::integer(a[0].as<CodeObject>()->m_firstline);
}
// co_flags in CPython's numbering (inspect tests these bits); CO_NESTED is not tracked.
Value code_flags(VM&, Value* a, int, TupleObject*, Value&) {
    uint32_t f = a[0].as<CodeObject>()->m_flags;
    int64_t out = 0;
    if (!(f & (CO_MODULE | CO_CLASS_BODY))) out |= 0x1 | 0x2;  // CO_OPTIMIZED | CO_NEWLOCALS
    if (f & CO_VARARGS) out |= 0x4;
    if (f & CO_VARKEYWORDS) out |= 0x8;
    if (f & CO_GENERATOR) out |= 0x20;
    if (f & CO_COROUTINE) out |= 0x80;
    if (f & CO_ASYNC_GENERATOR) out |= 0x200;
    return Value::integer(out);
}
Value code_argcount(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::integer(a[0].as<CodeObject>()->m_argcount);
}
Value code_posonlyargcount(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::integer(a[0].as<CodeObject>()->m_posonlycount);
}
Value code_kwonlyargcount(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::integer(a[0].as<CodeObject>()->m_kwonlycount);
}
Value code_varnames(VM& vm, Value* a, int, TupleObject*, Value&) {
    std::vector<Value> v = a[0].as<CodeObject>()->m_varnames;
    return tuple_from_vector(vm, v);
}

BoundMethodObject* self_bm(Value* a) { return a[0].as<BoundMethodObject>(); }
Value bm_self(VM&, Value* a, int, TupleObject*, Value&) { return self_bm(a)->m_self; }
Value bm_func(VM&, Value* a, int, TupleObject*, Value&) { return self_bm(a)->m_func; }
Value bm_name(VM& vm, Value* a, int, TupleObject*, Value&) { return vm.getattr(self_bm(a)->m_func, vm.names().d_name); }
Value bm_qualname(VM& vm, Value* a, int, TupleObject*, Value&) {
    return vm.getattr(self_bm(a)->m_func, vm.names().d_qualname);
}
Value bm_doc(VM& vm, Value* a, int, TupleObject*, Value&) { return vm.getattr(self_bm(a)->m_func, vm.names().d_doc); }

NativeObject* self_native(Value* a) { return a[0].as<NativeObject>(); }
Value nat_name(VM& vm, Value* a, int, TupleObject*, Value&) { return vm.str(self_native(a)->m_name); }
Value nat_qualname(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* n = self_native(a);
    if (n->m_owner) return vm.str(as_str(n->m_owner->m_name)->str() + "." + n->m_name);
    return vm.str(n->m_name);
}
Value nat_self(VM&, Value* a, int, TupleObject*, Value&) {
    return self_native(a)->m_self.is_null() ? Value::none() : self_native(a)->m_self;
}
Value nat_get(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 2 || a[1].is_none()) return a[0];
    return bind_descriptor(vm, a[0], a[1], vm.type_of(a[1]));
}
Value nat_doc(VM&, Value*, int, TupleObject*, Value&) { return Value::none(); }
Value mod_dict(VM&, Value* a, int, TupleObject*, Value&) { return Value::object(a[0].as<ModuleObject>()->m_dict); }
Value cell_contents(VM& vm, Value* a, int, TupleObject*, Value&) {
    const Value& v = a[0].as<CellObject>()->m_value;
    if (v.is_null()) return vm.raise(vm.e_ValueError, "Cell is empty");
    return v;
}

}  // namespace

void init_builtin_functions(VM& vm) {
    struct {
        const char* n;
        NativeFn f;
    } fns[] = {
        {"print", b_print},
        {"open", b_open},
        {"len", b_len},
        {"repr", b_repr},
        {"ascii", b_ascii},
        {"isinstance", b_isinstance},
        {"issubclass", b_issubclass},
        {"getattr", b_getattr},
        {"setattr", b_setattr},
        {"delattr", b_delattr},
        {"hasattr", b_hasattr},
        {"id", b_id},
        {"hash", b_hash},
        {"callable", b_callable},
        {"vars", b_vars},
        {"dir", b_dir},
        {"iter", b_iter},
        {"next", b_next},
        {"aiter", b_aiter},
        {"anext", b_anext},
        {"sum", b_sum},
        {"min", b_min},
        {"max", b_max},
        {"sorted", b_sorted},
        {"any", b_any},
        {"all", b_all},
        {"abs", b_abs},
        {"round", b_round},
        {"divmod", b_divmod},
        {"pow", b_pow},
        {"hex", b_hex},
        {"oct", b_oct},
        {"bin", b_bin},
        {"chr", b_chr},
        {"ord", b_ord},
        {"format", b_format},
        {"input", b_input},
        {"exit", b_exit},
        {"quit", b_exit},
        {"__build_class__", b_build_class},
        {"globals", b_globals},
        {"locals", b_locals},
        {"exec", b_exec},
        {"eval", b_eval},
    };
    for (auto& f : fns) vm.dict_set_str(vm.m_builtins, f.n, vm.new_native(f.n, f.f));
    struct {
        const char* n;
        TypeObject* t;
    } types[] = {
        {"object", vm.t_object},
        {"type", vm.t_type},
        {"int", vm.t_int},
        {"float", vm.t_float},
        {"bool", vm.t_bool},
        {"str", vm.t_str},
        {"list", vm.t_list},
        {"tuple", vm.t_tuple},
        {"dict", vm.t_dict},
        {"set", vm.t_set},
        {"frozenset", vm.t_frozenset},
        {"range", vm.t_range},
        {"slice", vm.t_slice},
        {"enumerate", vm.t_enumerate},
        {"zip", vm.t_zip},
        {"map", vm.t_map},
        {"filter", vm.t_filter},
        {"reversed", vm.t_reversed},
        {"property", vm.t_property},
        {"staticmethod", vm.t_staticmethod},
        {"classmethod", vm.t_classmethod},
        {"super", vm.t_super},
        {"bytes", vm.t_bytes},
    };
    for (auto& t : types) vm.dict_set_str(vm.m_builtins, t.n, Value::object(t.t));
    vm.dict_set_str(vm.m_builtins, "None", Value::none());
    vm.dict_set_str(vm.m_builtins, "True", Value::boolean(true));
    vm.dict_set_str(vm.m_builtins, "False", Value::boolean(false));
    vm.dict_set_str(vm.m_builtins, "NotImplemented", vm.m_notimplemented);
    vm.dict_set_str(vm.m_builtins, "Ellipsis", vm.m_ellipsis);
    vm.dict_set_str(vm.m_builtins, "__debug__", Value::boolean(true));

    // Attributes of functions, methods, natives, code objects, modules, cells.
    TypeObject* f = vm.t_function;
    vm.add_property(f, "__name__", fn_name, fn_set_name);
    vm.add_property(f, "__qualname__", fn_qualname, fn_set_qualname);
    vm.add_property(f, "__module__", fn_module, fn_set_module);
    vm.add_property(f, "__doc__", fn_doc, fn_set_doc);
    vm.add_property(f, "__defaults__", fn_defaults);
    vm.add_property(f, "__kwdefaults__", fn_kwdefaults);
    vm.add_property(f, "__code__", fn_code);
    vm.add_property(f, "__globals__", fn_globals);
    vm.add_property(f, "__annotations__", fn_annotations);
    vm.add_method(f, "__get__", fn_get);
    vm.add_property(vm.t_code, "co_name", code_name);
    vm.add_property(vm.t_code, "co_filename", code_filename);
    vm.add_property(vm.t_code, "co_firstlineno", code_firstline);
    vm.add_property(vm.t_code, "co_flags", code_flags);
    vm.add_property(vm.t_code, "co_argcount", code_argcount);
    vm.add_property(vm.t_code, "co_posonlyargcount", code_posonlyargcount);
    vm.add_property(vm.t_code, "co_kwonlyargcount", code_kwonlyargcount);
    vm.add_property(vm.t_code, "co_varnames", code_varnames);
    vm.add_property(vm.t_method, "__self__", bm_self);
    vm.add_property(vm.t_method, "__func__", bm_func);
    vm.add_property(vm.t_method, "__name__", bm_name);
    vm.add_property(vm.t_method, "__qualname__", bm_qualname);
    vm.add_property(vm.t_method, "__doc__", bm_doc);
    vm.add_property(vm.t_native, "__name__", nat_name);
    vm.add_property(vm.t_native, "__qualname__", nat_qualname);
    vm.add_property(vm.t_native, "__self__", nat_self);
    vm.add_property(vm.t_native, "__doc__", nat_doc);
    vm.add_method(vm.t_native, "__get__", nat_get);
    vm.add_property(vm.t_module, "__dict__", mod_dict);
    vm.add_property(vm.t_cell, "cell_contents", cell_contents);

    TypeObject* st = vm.new_builtin_type("TextIOWrapper", vm.t_object, ObjKind::Cxx, nullptr, 0, "_io");
    vm.add_method(st, "write", stream_write);
    vm.add_method(st, "flush", stream_flush);
    vm.add_method(st, "isatty", stream_isatty);
    vm.add_method(st, "fileno", stream_fileno);
    vm.dict_set_str(vm.t_object->m_dict, "__stream_type__", Value::steal(st));
    TypeObject* ad = vm.new_builtin_type("anext_awaitable", vm.t_object, ObjKind::Cxx);
    extern void add_native_iter_methods(VM & vm, TypeObject * t);
    add_native_iter_methods(vm, ad);
    vm.dict_set_str(vm.t_object->m_dict, "__anext_default_type__", Value::steal(ad));
}

Value new_stream(VM& vm, int fd) {
    TypeObject* t = vm.type_lookup(vm.t_object, vm.intern("__stream_type__")).as<TypeObject>();
    auto* s = vm.alloc<StreamObject>(t, ObjKind::Cxx);
    s->m_fd = fd;
    return Value::steal(s);
}

}  // namespace aio::script
