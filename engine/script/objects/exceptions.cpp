// exceptions.cpp — the exception hierarchy, raising, and traceback printing.
//
// Contents
//   [SECTION] Raising
//   [SECTION] Exception methods (args, str, repr, notes, groups)
//   [SECTION] The hierarchy
//   [SECTION] Tracebacks (CPython 3.11's format, carets included)
//   [SECTION] Warnings
//
// An exception is pending in vm.m_exc while it propagates; each frame it
// leaves appends a (code, instruction) entry, which is all a traceback needs.
#include <algorithm>
#include <cstdarg>
#include <cstring>

#include "compile/ast.hpp"
#include "compile/parser.hpp"
#include "objects/bytes.hpp"
#include "objects/runtime.hpp"
#include "compile/unicode.hpp"

namespace aio::script {

ExceptionObject* as_exc(const Value& v) { return v.as<ExceptionObject>(); }

// [SECTION] Raising

Value VM::new_exception(TypeObject* type, Value args_tuple) {
    Value e = new_instance(*this, type);
    if (kind_of(e.as_obj()) == ObjKind::Exception) as_exc(e)->m_args = std::move(args_tuple);
    return e;
}

Value VM::raise(TypeObject* type, std::string_view msg) {
    Value args = msg.empty() && type == e_MemoryError ? m_empty_tuple : tuple({str(msg)});
    Value e = new_exception(type, args);
    attach_context(e);
    m_exc = std::move(e);
    return Value();
}

Value VM::raisef(TypeObject* type, const char* fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return raise(type, buf);
}

Value VM::type_error_fmt(const char* fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return raise(e_TypeError, buf);
}

Value VM::raise_args(TypeObject* type, const Value& arg) {
    Value e = new_exception(type, tuple({arg}));
    attach_context(e);
    m_exc = std::move(e);
    return Value();
}

Value VM::raise_value(const Value& v) {
    Value e;
    if (is_kind(v, ObjKind::Type) && (v.as<TypeObject>()->m_tflags & TF_EXCEPTION)) {
        e = call(v, nullptr, 0);
        if (e.is_null()) return Value();
        if (!isinstance(e, e_BaseException))
            return raisef(e_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                          as_str(v.as<TypeObject>()->m_name)->data(), type_name(e).c_str());
    } else if (isinstance(v, e_BaseException)) {
        e = v;
    } else {
        return raise(e_TypeError, "exceptions must derive from BaseException");
    }
    attach_context(e);
    m_exc = std::move(e);
    return Value();
}

bool VM::exc_matches(TypeObject* type) const { return !m_exc.is_null() && is_subtype(type_of(m_exc), type); }

Value VM::handled_exception() const {
    for (ExcState* s = m_exc_state; s; s = s->prev)
        if (!s->handled.is_null() && !s->handled.is_none()) return s->handled;
    return Value::none();
}

void VM::attach_context(const Value& exc) {
    Value ctx = handled_exception();
    if (ctx.is_none() || ctx.identical(exc) || !is_kind(exc, ObjKind::Exception)) return;
    // Break a cycle if exc already appears in ctx's context chain.
    Value o = ctx;
    while (is_kind(o, ObjKind::Exception)) {
        Value next = as_exc(o)->m_context;
        if (next.identical(exc)) {
            as_exc(o)->m_context = Value::none();
            break;
        }
        o = next;
    }
    as_exc(exc)->m_context = ctx;
}

void VM::add_traceback(const Value& exc, Frame* f, uint32_t pc) {
    if (!is_kind(exc, ObjKind::Exception)) return;
    auto* e = as_exc(exc);
    if (e->m_tb.size() > 100000) return;  // bounded: a runaway recursion cannot grow it forever
    incref(f->m_code);
    e->m_tb.push_back({f->m_code, pc});
}

Value stop_iteration_value(VM& vm, const Value& exc) {
    if (!is_kind(exc, ObjKind::Exception)) return Value::none();
    Value* v = nullptr;
    DictObject* d = as_exc(exc)->m_dict;
    if (d) v = dict_get_str(d, vm.names().value);
    if (v) return *v;
    auto* a = as_exc(exc)->m_args.as<TupleObject>();
    return a->m_size ? a->items()[0] : Value::none();
}

// [SECTION] Exception methods

Value exc_str(VM& vm, ExceptionObject* e) {
    TypeObject* t = e->m_type;
    if (VM::is_subtype(t, vm.e_BaseExceptionGroup) && is_str(e->m_message)) {
        int64_t n = is_kind(e->m_exceptions, ObjKind::Tuple) ? e->m_exceptions.as<TupleObject>()->m_size : 0;
        char buf[64];
        std::snprintf(buf, sizeof buf, " (%lld sub-exception%s)", static_cast<long long>(n), n == 1 ? "" : "s");
        return vm.str(as_str(e->m_message)->str() + buf);
    }
    if (Value u = unicode_error_str(vm, e); !u.is_null()) return u;
    auto* args = e->m_args.as<TupleObject>();
    if (VM::is_subtype(t, vm.e_KeyError) && args->m_size == 1) return vm.repr(args->items()[0]);
    if (VM::is_subtype(t, vm.e_SyntaxError) && e->m_dict) {
        Value* msg = dict_get_str(e->m_dict, vm.intern("msg"));
        Value* fn = dict_get_str(e->m_dict, vm.intern("filename"));
        Value* ln = dict_get_str(e->m_dict, vm.intern("lineno"));
        if (msg && is_str(*msg) && fn && is_str(*fn) && ln && ln->is_int())
            return vm.str(as_str(*msg)->str() + " (" + as_str(*fn)->str() + ", line " + std::to_string(ln->as_int()) +
                          ")");
    }
    if (args->m_size == 0) return vm.str("");
    if (args->m_size == 1) return vm.to_str(args->items()[0]);
    return vm.to_str(e->m_args);
}

namespace {

ExceptionObject* self_exc(Value* a) { return as_exc(a[0]); }

Value be_init(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    if (nkw && !(vm.type_of(a[0])->m_tflags & TF_HEAPTYPE))
        return vm.raisef(vm.e_TypeError, "%s() takes no keyword arguments", type_name(a[0]).c_str());
    std::vector<Value> args(a + 1, a + n - nkw);
    self_exc(a)->m_args = tuple_from_vector(vm, args);
    return Value::none();
}
Value be_str(VM& vm, Value* a, int, TupleObject*, Value&) { return exc_str(vm, self_exc(a)); }
Value be_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* e = self_exc(a);
    std::string s = as_str(e->m_type->m_name)->str();
    auto* args = e->m_args.as<TupleObject>();
    if (args->m_size == 1) {
        s += "(";
        if (!vm.repr_into(args->items()[0], s)) return Value();
        s += ")";
    } else {
        if (!vm.repr_into(e->m_args, s)) return Value();
    }
    return vm.str(s);
}
Value be_args(VM&, Value* a, int, TupleObject*, Value&) { return self_exc(a)->m_args; }
Value be_set_args(VM& vm, Value* a, int, TupleObject*, Value&) {
    std::vector<Value> items;
    if (!vm.to_list(a[1], items)) return Value();
    self_exc(a)->m_args = tuple_from_vector(vm, items);
    return Value::none();
}
Value be_cause(VM&, Value* a, int, TupleObject*, Value&) { return self_exc(a)->m_cause; }
Value be_set_cause(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (!a[1].is_none() && !vm.isinstance(a[1], vm.e_BaseException))
        return vm.raise(vm.e_TypeError, "exception cause must be None or derive from BaseException");
    self_exc(a)->m_cause = a[1];
    self_exc(a)->m_suppress_context = true;
    return Value::none();
}
Value be_context(VM&, Value* a, int, TupleObject*, Value&) { return self_exc(a)->m_context; }
Value be_set_context(VM&, Value* a, int, TupleObject*, Value&) {
    self_exc(a)->m_context = a[1];
    return Value::none();
}
Value be_suppress(VM&, Value* a, int, TupleObject*, Value&) { return Value::boolean(self_exc(a)->m_suppress_context); }
Value be_set_suppress(VM& vm, Value* a, int, TupleObject*, Value&) {
    int t = vm.truthy(a[1]);
    if (t < 0) return Value();
    self_exc(a)->m_suppress_context = t;
    return Value::none();
}
Value be_traceback(VM&, Value* a, int, TupleObject*, Value&) {
    // No traceback objects: report whether one exists.
    return self_exc(a)->m_tb.empty() ? Value::none() : Value::boolean(true);
}
Value be_set_traceback(VM&, Value* a, int, TupleObject*, Value&) {
    if (a[1].is_none()) {
        for (auto& tb : self_exc(a)->m_tb) decref(tb.code);
        self_exc(a)->m_tb.clear();
    }
    return Value::none();
}
Value be_with_traceback(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n == 2 && a[1].is_none()) {
        for (auto& tb : self_exc(a)->m_tb) decref(tb.code);
        self_exc(a)->m_tb.clear();
    }
    (void)vm;
    return a[0];
}
Value be_add_note(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_str(a[1]))
        return vm.raisef(vm.e_TypeError, "note must be a str, not '%s'", n == 2 ? type_name(a[1]).c_str() : "nothing");
    auto* e = self_exc(a);
    if (e->m_notes.is_null()) e->m_notes = Value::steal(vm.new_list());
    list_append(vm, e->m_notes.as<ListObject>(), a[1]);
    return Value::none();
}
Value be_notes(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* e = self_exc(a);
    if (e->m_notes.is_null())
        return vm.raisef(vm.e_AttributeError, "'%s' object has no attribute '__notes__'", type_name(a[0]).c_str());
    return e->m_notes;
}

Value si_value(VM& vm, Value* a, int, TupleObject*, Value&) { return stop_iteration_value(vm, a[0]); }
Value se_code(VM&, Value* a, int, TupleObject*, Value&) {
    auto* args = self_exc(a)->m_args.as<TupleObject>();
    if (args->m_size == 0) return Value::none();
    if (args->m_size == 1) return args->items()[0];
    return self_exc(a)->m_args;
}

// ExceptionGroup(message, exceptions)
Value eg_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw) {
    if (kw && kw->m_size)
        return vm.raisef(vm.e_TypeError, "%s() takes no keyword arguments", as_str(t->m_name)->data());
    if (nargs != 2)
        return vm.raisef(vm.e_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", nargs);
    if (!is_str(args[0])) return vm.raise(vm.e_TypeError, "argument 1 must be str");
    std::vector<Value> excs;
    if (!vm.to_list(args[1], excs)) return Value();
    if (excs.empty()) return vm.raise(vm.e_ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool all_exception = true;
    for (auto& e : excs) {
        if (!vm.isinstance(e, vm.e_BaseException))
            return vm.raisef(vm.e_ValueError, "Item %d of second argument (exceptions) is not an exception", 0);
        if (!vm.isinstance(e, vm.e_Exception)) all_exception = false;
    }
    TypeObject* type = t;
    if (t == vm.e_BaseExceptionGroup && all_exception) type = vm.e_ExceptionGroup;
    if (VM::is_subtype(t, vm.e_Exception) && !all_exception)
        return vm.raise(vm.e_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    Value ev = new_instance(vm, type);
    auto* e = as_exc(ev);
    e->m_args = vm.tuple({args[0], args[1]});
    e->m_message = args[0];
    e->m_exceptions = tuple_from_vector(vm, excs);
    return ev;
}
Value eg_init(VM&, Value*, int, TupleObject*, Value&) { return Value::none(); }
Value eg_message(VM&, Value* a, int, TupleObject*, Value&) { return self_exc(a)->m_message; }
Value eg_exceptions(VM&, Value* a, int, TupleObject*, Value&) { return self_exc(a)->m_exceptions; }

Value eg_derive(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "derive() takes exactly one argument");
    Value args[2] = {self_exc(a)->m_message, a[1]};
    return eg_new(vm, vm.e_BaseExceptionGroup, args, 2, nullptr);
}

}  // namespace

// Splits a group by a matcher (a type or tuple of types): (match, rest), each
// a group or None. Keeps tracebacks, cause, context and notes (CPython's
// exceptiongroup_split_recursive).
bool eg_split(VM& vm, const Value& eg, const Value& matcher, Value& match, Value& rest);

static bool matches(VM& vm, const Value& exc, const Value& matcher) {
    if (is_kind(matcher, ObjKind::Type)) return vm.isinstance(exc, matcher.as<TypeObject>());
    if (is_kind(matcher, ObjKind::Tuple)) {
        auto* t = matcher.as<TupleObject>();
        for (uint32_t i = 0; i < t->m_size; ++i)
            if (is_kind(t->items()[i], ObjKind::Type) && vm.isinstance(exc, t->items()[i].as<TypeObject>()))
                return true;
    }
    return false;
}

static Value derive_group(VM& vm, const Value& eg, std::vector<Value>& excs) {
    auto* src = as_exc(eg);
    Value args[2] = {src->m_message, Value()};
    args[1] = Value::steal(vm.new_list());
    for (auto& e : excs) list_append(vm, args[1].as<ListObject>(), e);
    Value derived;
    Value derive = vm.type_lookup(vm.type_of(eg), vm.intern("derive"));
    derived = eg_new(vm, vm.e_BaseExceptionGroup, args, 2, nullptr);
    (void)derive;
    if (derived.is_null()) return Value();
    auto* d = as_exc(derived);
    d->m_cause = src->m_cause;
    d->m_context = src->m_context;
    d->m_suppress_context = src->m_suppress_context;
    d->m_notes = src->m_notes;
    for (auto& tb : src->m_tb) {
        incref(tb.code);
        d->m_tb.push_back(tb);
    }
    return derived;
}

bool eg_split(VM& vm, const Value& eg, const Value& matcher, Value& match, Value& rest) {
    if (matches(vm, eg, matcher)) {
        match = eg;
        rest = Value::none();
        return true;
    }
    if (!vm.isinstance(eg, vm.e_BaseExceptionGroup)) {
        match = Value::none();
        rest = eg;
        return true;
    }
    auto* ex = as_exc(eg)->m_exceptions.as<TupleObject>();
    std::vector<Value> m, r;
    for (uint32_t i = 0; i < ex->m_size; ++i) {
        Value sm, sr;
        if (!eg_split(vm, ex->items()[i], matcher, sm, sr)) return false;
        if (!sm.is_none()) m.push_back(sm);
        if (!sr.is_none()) r.push_back(sr);
    }
    match = m.empty() ? Value::none() : derive_group(vm, eg, m);
    rest = r.empty() ? Value::none() : derive_group(vm, eg, r);
    return !match.is_null() && !rest.is_null();
}

static void collect_leaves(VM& vm, const Value& e, std::vector<const Object*>& out) {
    if (vm.isinstance(e, vm.e_BaseExceptionGroup) && is_kind(as_exc(e)->m_exceptions, ObjKind::Tuple)) {
        auto* ex = as_exc(e)->m_exceptions.as<TupleObject>();
        for (uint32_t i = 0; i < ex->m_size; ++i) collect_leaves(vm, ex->items()[i], out);
    } else {
        out.push_back(e.as_obj());
    }
}

// The part of eg whose leaves are in `keep` (structure preserved), or None.
static Value project(VM& vm, const Value& eg, const std::vector<const Object*>& keep) {
    if (!(vm.isinstance(eg, vm.e_BaseExceptionGroup) && is_kind(as_exc(eg)->m_exceptions, ObjKind::Tuple))) {
        for (const Object* o : keep)
            if (o == eg.as_obj()) return eg;
        return Value::none();
    }
    auto* ex = as_exc(eg)->m_exceptions.as<TupleObject>();
    std::vector<Value> parts;
    bool all = true;
    for (uint32_t i = 0; i < ex->m_size; ++i) {
        Value p = project(vm, ex->items()[i], keep);
        if (p.is_null()) return p;
        if (p.is_none())
            all = false;
        else {
            if (!p.identical(ex->items()[i])) all = false;
            parts.push_back(p);
        }
    }
    if (parts.empty()) return Value::none();
    if (all) return eg;
    return derive_group(vm, eg, parts);
}

// CPython's _PyExc_PrepReraiseStar: exceptions raised by except* handlers
// plus the unhandled rest, merged into what the try statement re-raises.
Value prep_reraise_star(VM& vm, const Value& orig, const Value& list) {
    std::vector<Value> items;
    auto* l = list.as<ListObject>();
    for (uint32_t i = 0; i < l->m_size; ++i)
        if (!l->m_items[i].is_none()) items.push_back(l->m_items[i]);
    if (items.empty()) return Value::none();
    // A naked exception was caught (wrapped in a group): only one except*
    // clause ran, so what it raised (or re-raised, the wrapper) goes on as is.
    if (!vm.isinstance(orig, vm.e_BaseExceptionGroup)) return items[0];
    std::vector<const Object*> orig_leaves;
    collect_leaves(vm, orig, orig_leaves);
    std::vector<Value> raised;
    std::vector<const Object*> reraised;
    for (auto& e : items) {
        std::vector<const Object*> leaves;
        collect_leaves(vm, e, leaves);
        bool inside = true;
        for (const Object* lf : leaves)
            if (std::find(orig_leaves.begin(), orig_leaves.end(), lf) == orig_leaves.end()) inside = false;
        if (inside)
            reraised.insert(reraised.end(), leaves.begin(), leaves.end());
        else
            raised.push_back(e);
    }
    Value keep = project(vm, orig, reraised);
    if (keep.is_null()) return keep;
    std::vector<Value> result = raised;
    if (!keep.is_none()) result.push_back(keep);
    if (result.empty()) return Value::none();
    if (result.size() == 1) return result[0];
    Value lst = Value::steal(vm.new_list());
    for (auto& r : result) list_append(vm, lst.as<ListObject>(), r);
    Value args[2] = {vm.str(""), lst};
    return eg_new(vm, vm.e_BaseExceptionGroup, args, 2, nullptr);
}

namespace {
Value eg_split_m(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "split() takes exactly one argument");
    Value m, r;
    if (!eg_split(vm, a[0], a[1], m, r)) return Value();
    return vm.tuple({m, r});
}
Value eg_subgroup(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "subgroup() takes exactly one argument");
    Value m, r;
    if (!eg_split(vm, a[0], a[1], m, r)) return Value();
    return m;
}
}  // namespace

// [SECTION] The hierarchy

void init_exception_types(VM& vm) {
    auto mk = [&](const char* name, TypeObject* base) {
        TypeObject* t = vm.new_builtin_type(name, base, ObjKind::Exception, nullptr, TF_BASETYPE | TF_EXCEPTION);
        vm.dict_set_str(vm.m_builtins, name, Value::object(t));
        return t;
    };
    vm.e_BaseException = mk("BaseException", vm.t_object);
    TypeObject* b = vm.e_BaseException;
    vm.add_method(b, "__init__", be_init);
    vm.add_method(b, "__str__", be_str);
    vm.add_method(b, "__repr__", be_repr);
    vm.add_method(b, "with_traceback", be_with_traceback);
    vm.add_method(b, "add_note", be_add_note);
    vm.add_property(b, "args", be_args, be_set_args);
    vm.add_property(b, "__cause__", be_cause, be_set_cause);
    vm.add_property(b, "__context__", be_context, be_set_context);
    vm.add_property(b, "__suppress_context__", be_suppress, be_set_suppress);
    vm.add_property(b, "__traceback__", be_traceback, be_set_traceback);
    vm.add_property(b, "__notes__", be_notes);

    vm.e_Exception = mk("Exception", b);
    vm.e_BaseExceptionGroup = mk("BaseExceptionGroup", b);
    vm.e_BaseExceptionGroup->m_new = eg_new;
    vm.e_GeneratorExit = mk("GeneratorExit", b);
    vm.e_KeyboardInterrupt = mk("KeyboardInterrupt", b);
    vm.e_SystemExit = mk("SystemExit", b);
    vm.add_property(vm.e_SystemExit, "code", se_code);
    TypeObject* E = vm.e_Exception;
    vm.e_ArithmeticError = mk("ArithmeticError", E);
    vm.e_FloatingPointError = mk("FloatingPointError", vm.e_ArithmeticError);
    vm.e_OverflowError = mk("OverflowError", vm.e_ArithmeticError);
    vm.e_ZeroDivisionError = mk("ZeroDivisionError", vm.e_ArithmeticError);
    vm.e_AssertionError = mk("AssertionError", E);
    vm.e_AttributeError = mk("AttributeError", E);
    vm.e_BufferError = mk("BufferError", E);
    vm.e_EOFError = mk("EOFError", E);
    // ExceptionGroup(BaseExceptionGroup, Exception)
    vm.e_ExceptionGroup = vm.new_builtin_type("ExceptionGroup", vm.e_BaseExceptionGroup, ObjKind::Exception, nullptr,
                                              TF_BASETYPE | TF_EXCEPTION);
    vm.e_ExceptionGroup->m_bases = vm.tuple({Value::object(vm.e_BaseExceptionGroup), Value::object(E)});
    VM::compute_mro(vm.e_ExceptionGroup);
    vm.dict_set_str(vm.m_builtins, "ExceptionGroup", Value::object(vm.e_ExceptionGroup));
    vm.e_ExceptionGroup->m_new = eg_new;
    vm.add_method(vm.e_BaseExceptionGroup, "__init__", eg_init);
    vm.add_property(vm.e_BaseExceptionGroup, "message", eg_message);
    vm.add_property(vm.e_BaseExceptionGroup, "exceptions", eg_exceptions);
    vm.add_method(vm.e_BaseExceptionGroup, "derive", eg_derive);
    vm.add_method(vm.e_BaseExceptionGroup, "split", eg_split_m);
    vm.add_method(vm.e_BaseExceptionGroup, "subgroup", eg_subgroup);
    vm.e_ImportError = mk("ImportError", E);
    vm.e_ModuleNotFoundError = mk("ModuleNotFoundError", vm.e_ImportError);
    vm.e_LookupError = mk("LookupError", E);
    vm.e_IndexError = mk("IndexError", vm.e_LookupError);
    vm.e_KeyError = mk("KeyError", vm.e_LookupError);
    vm.e_MemoryError = mk("MemoryError", E);
    vm.e_NameError = mk("NameError", E);
    vm.e_UnboundLocalError = mk("UnboundLocalError", vm.e_NameError);
    vm.e_OSError = mk("OSError", E);
    vm.dict_set_str(vm.m_builtins, "IOError", Value::object(vm.e_OSError));
    vm.dict_set_str(vm.m_builtins, "EnvironmentError", Value::object(vm.e_OSError));
    vm.e_ConnectionError = mk("ConnectionError", vm.e_OSError);
    mk("BrokenPipeError", vm.e_ConnectionError);
    mk("ConnectionAbortedError", vm.e_ConnectionError);
    mk("ConnectionRefusedError", vm.e_ConnectionError);
    mk("ConnectionResetError", vm.e_ConnectionError);
    vm.e_FileNotFoundError = mk("FileNotFoundError", vm.e_OSError);
    mk("FileExistsError", vm.e_OSError);
    mk("PermissionError", vm.e_OSError);
    mk("IsADirectoryError", vm.e_OSError);
    mk("InterruptedError", vm.e_OSError);
    vm.e_TimeoutError = mk("TimeoutError", vm.e_OSError);
    mk("ReferenceError", E);
    vm.e_RuntimeError = mk("RuntimeError", E);
    vm.e_NotImplementedError = mk("NotImplementedError", vm.e_RuntimeError);
    vm.e_RecursionError = mk("RecursionError", vm.e_RuntimeError);
    vm.e_StopAsyncIteration = mk("StopAsyncIteration", E);
    vm.e_StopIteration = mk("StopIteration", E);
    vm.add_property(vm.e_StopIteration, "value", si_value);
    vm.e_SyntaxError = mk("SyntaxError", E);
    vm.e_IndentationError = mk("IndentationError", vm.e_SyntaxError);
    mk("TabError", vm.e_IndentationError);
    mk("SystemError", E);
    vm.e_TypeError = mk("TypeError", E);
    vm.e_ValueError = mk("ValueError", E);
    vm.e_UnicodeError = mk("UnicodeError", vm.e_ValueError);
    vm.e_UnicodeDecodeError = mk("UnicodeDecodeError", vm.e_UnicodeError);
    vm.e_UnicodeEncodeError = mk("UnicodeEncodeError", vm.e_UnicodeError);
    vm.e_Warning = mk("Warning", E);
    vm.e_DeprecationWarning = mk("DeprecationWarning", vm.e_Warning);
    mk("PendingDeprecationWarning", vm.e_Warning);
    vm.e_RuntimeWarning = mk("RuntimeWarning", vm.e_Warning);
    vm.e_UserWarning = mk("UserWarning", vm.e_Warning);
    mk("SyntaxWarning", vm.e_Warning);
    mk("FutureWarning", vm.e_Warning);
    mk("ImportWarning", vm.e_Warning);
    mk("ResourceWarning", vm.e_Warning);
    mk("BytesWarning", vm.e_Warning);
    mk("UnicodeWarning", vm.e_Warning);
    mk("EncodingWarning", vm.e_Warning);
}

// [SECTION] Tracebacks

namespace {

std::string exc_type_name(VM& vm, const Value& exc) {
    TypeObject* t = vm.type_of(exc);
    std::string name = as_str(t->m_qualname)->str();
    std::string mod = is_str(t->m_module) ? as_str(t->m_module)->str() : "";
    if (!mod.empty() && mod != "__main__" && mod != "builtins") name = mod + "." + name;
    return name;
}

// PEP 657 anchors: for a binary operation or subscript, the operator part
// is marked with '^' and the operands with '~' (traceback.py's
// _extract_caret_anchors_from_line_segment).
bool caret_anchors(const std::string& segment, int& left_end, int& right_start) {
    Arena arena;
    Module m;
    SyntaxErrorInfo err;
    if (!parse_module(segment, arena, m, err)) return false;
    if (m.body.size() != 1 || m.body[0]->kind != SK::Expr) return false;
    Expr* e = static_cast<ExprStmt*>(m.body[0])->value;
    if (e->kind == EK::BinOp) {
        auto* b = static_cast<BinOpExpr*>(e);
        if (b->left->loc.end_line != 1 || b->right->loc.line != 1) return false;
        int op_start = b->left->loc.end_col;
        int op_end = b->right->loc.col;
        std::vector<uint32_t> cps;
        size_t p = 0;
        while (p < segment.size()) cps.push_back(utf8::next(segment, &p));
        int off = 0;
        while (op_start + off < op_end && op_start + off < static_cast<int>(cps.size()) &&
               (cps[op_start + off] == ' ' || cps[op_start + off] == '\t' || cps[op_start + off] == '(' ||
                cps[op_start + off] == ')'))
            ++off;
        // traceback.py strips only whitespace; parentheses are not part of the
        // operator either but CPython counts them: mirror it by whitespace only.
        off = 0;
        while (op_start + off < op_end && (cps[op_start + off] == ' ' || cps[op_start + off] == '\t')) ++off;
        left_end = op_start + off;
        right_start = left_end + 1;
        int op_len = op_end - op_start;
        if (off + 1 < op_len && !(cps[op_start + off + 1] == ' ' || cps[op_start + off + 1] == '\t')) ++right_start;
        return true;
    }
    if (e->kind == EK::Subscript) {
        auto* s = static_cast<SubscriptExpr*>(e);
        if (s->value->loc.end_line != 1 || s->slice->loc.end_line != 1) return false;
        left_end = s->value->loc.end_col;
        right_start = s->slice->loc.end_col + 1;
        return true;
    }
    return false;
}

void format_frame(VM& vm, CodeObject* code, uint32_t pc, std::string& out, const std::string& margin) {
    const Loc& loc = code->loc_at(pc);
    std::string fname = is_str(code->m_filename) ? as_str(code->m_filename)->str() : "?";
    out += margin + "  File \"" + fname + "\", line " + std::to_string(loc.line) + ", in " +
           as_str(code->m_name)->str() + "\n";
    std::string line = vm.source_line(fname, loc.line);
    if (line.empty()) return;
    std::vector<uint32_t> cps;
    size_t p = 0;
    while (p < line.size()) cps.push_back(utf8::next(line, &p));
    int lead = 0;
    while (lead < static_cast<int>(cps.size()) && (cps[lead] == ' ' || cps[lead] == '\t' || cps[lead] == '\f')) ++lead;
    int trail = static_cast<int>(cps.size());
    while (trail > lead && (cps[trail - 1] == ' ' || cps[trail - 1] == '\t' || cps[trail - 1] == '\r')) --trail;
    std::string stripped;
    for (int i = lead; i < trail; ++i) utf8::append(stripped, cps[i]);
    if (stripped.empty()) return;
    out += margin + "    " + stripped + "\n";
    int stripped_len = trail - lead;
    if (loc.col < 0 || loc.end_col < 0) return;
    int start = loc.col;
    int end = loc.end_col;
    bool have_anchor = false;
    int left_end = 0, right_start = 0;
    if (loc.end_line == loc.line) {
        if (end > static_cast<int>(cps.size())) end = static_cast<int>(cps.size());
        std::string seg;
        for (int i = start; i < end && i < static_cast<int>(cps.size()); ++i) utf8::append(seg, cps[i]);
        have_anchor = caret_anchors(seg, left_end, right_start);
    } else {
        end = trail;
    }
    if (end - start < stripped_len || (have_anchor && right_start - left_end > 0)) {
        std::string row = margin + "    " + std::string(std::max(0, start - lead), ' ');
        if (have_anchor) {
            row.append(left_end, '~');
            row.append(right_start - left_end, '^');
            row.append(std::max(0, end - start - right_start), '~');
        } else {
            row.append(std::max(1, end - start), '^');
        }
        out += row + "\n";
    }
}

void format_tb(VM& vm, ExceptionObject* e, std::string& out, const std::string& margin) {
    // Entries are innermost-first; print outermost-first, collapsing runs.
    std::string last_key;
    int count = 0;
    auto flush_repeat = [&]() {
        if (count > 3) {
            int more = count - 3;
            out += margin + "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") +
                   "]\n";
        }
    };
    for (size_t i = e->m_tb.size(); i-- > 0;) {
        const TbEntry& tb = e->m_tb[i];
        const Loc& loc = tb.code->loc_at(tb.pc);
        std::string key = (is_str(tb.code->m_filename) ? as_str(tb.code->m_filename)->str() : "") + ":" +
                          std::to_string(loc.line) + ":" + as_str(tb.code->m_name)->str();
        if (key == last_key) {
            ++count;
            if (count > 3) continue;
        } else {
            flush_repeat();
            last_key = key;
            count = 1;
        }
        format_frame(vm, tb.code, tb.pc, out, margin);
    }
    flush_repeat();
}

void format_syntax_error(VM& vm, ExceptionObject* e, std::string& out, const std::string& margin) {
    DictObject* d = e->m_dict;
    if (!d) return;
    auto get = [&](const char* k) -> Value {
        Value* v = dict_get_str(d, vm.intern(k));
        return v ? *v : Value::none();
    };
    Value fn = get("filename"), ln = get("lineno"), off = get("offset"), text = get("text"), endoff = get("end_offset");
    if (is_str(fn))
        out += margin + "  File \"" + as_str(fn)->str() + "\", line " +
               (ln.is_int() ? std::to_string(ln.as_int()) : "?") + "\n";
    if (is_str(text)) {
        std::string t = as_str(text)->str();
        while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.pop_back();
        std::vector<uint32_t> cps;
        size_t p = 0;
        while (p < t.size()) cps.push_back(utf8::next(t, &p));
        int lead = 0;
        while (lead < static_cast<int>(cps.size()) && (cps[lead] == ' ' || cps[lead] == '\t' || cps[lead] == '\f'))
            ++lead;
        std::string stripped;
        for (size_t i = lead; i < cps.size(); ++i) utf8::append(stripped, cps[i]);
        out += margin + "    " + stripped + "\n";
        if (off.is_int() && off.as_int() >= 1) {
            int64_t col = off.as_int() - 1 - lead;
            if (col < 0) col = 0;
            int64_t width = 1;
            if (endoff.is_int() && endoff.as_int() > off.as_int()) width = endoff.as_int() - off.as_int();
            out += margin + "    " + std::string(col, ' ') + std::string(width, '^') + "\n";
        }
    }
}

void format_one(VM& vm, const Value& exc, std::string& out, std::vector<const Object*>& seen, const std::string& margin,
                int depth);

void format_chain(VM& vm, const Value& exc, std::string& out, std::vector<const Object*>& seen,
                  const std::string& margin, int depth) {
    auto* e = as_exc(exc);
    seen.push_back(exc.as_obj());
    auto unseen = [&](const Value& v) {
        if (!is_kind(v, ObjKind::Exception)) return false;
        for (const Object* s : seen)
            if (s == v.as_obj()) return false;
        return true;
    };
    if (unseen(e->m_cause)) {
        format_chain(vm, e->m_cause, out, seen, margin, depth);
        out += margin + "\n" + margin + "The above exception was the direct cause of the following exception:\n" +
               margin + "\n";
    } else if (!e->m_suppress_context && unseen(e->m_context)) {
        format_chain(vm, e->m_context, out, seen, margin, depth);
        out += margin + "\n" + margin + "During handling of the above exception, another exception occurred:\n" +
               margin + "\n";
    }
    format_one(vm, exc, out, seen, margin, depth);
}

std::string exc_message_line(VM& vm, const Value& exc) {
    std::string name = exc_type_name(vm, exc);
    Value s = vm.to_str(exc);
    std::string msg;
    if (s.is_null()) {
        vm.clear_exc();
        msg = "<exception str() failed>";
    } else {
        msg = as_str(s)->str();
    }
    if (vm.isinstance(exc, vm.e_SyntaxError) && as_exc(exc)->m_dict) {
        Value* m = dict_get_str(as_exc(exc)->m_dict, vm.intern("msg"));
        if (m && is_str(*m)) msg = as_str(*m)->str();
    }
    return msg.empty() ? name : name + ": " + msg;
}

void format_one(VM& vm, const Value& exc, std::string& out, std::vector<const Object*>& /*seen*/,
                const std::string& margin, int depth) {
    auto* e = as_exc(exc);
    bool group = vm.isinstance(exc, vm.e_BaseExceptionGroup) && is_kind(e->m_exceptions, ObjKind::Tuple);
    if (!group) {
        if (!e->m_tb.empty()) out += margin + "Traceback (most recent call last):\n";
        format_tb(vm, e, out, margin);
        if (vm.isinstance(exc, vm.e_SyntaxError)) format_syntax_error(vm, e, out, margin);
        std::string line = exc_message_line(vm, exc);
        // Multi-line messages keep the margin on every line.
        size_t p = 0;
        while (true) {
            size_t nl = line.find('\n', p);
            out += margin + line.substr(p, nl == std::string::npos ? std::string::npos : nl - p) + "\n";
            if (nl == std::string::npos) break;
            p = nl + 1;
        }
        if (is_kind(e->m_notes, ObjKind::List)) {
            auto* l = e->m_notes.as<ListObject>();
            for (uint32_t i = 0; i < l->m_size; ++i) {
                std::string n;
                if (is_str(l->m_items[i])) n = as_str(l->m_items[i])->str();
                out += margin + n + "\n";
            }
        }
        return;
    }
    // Exception groups (traceback.py's TracebackException.format with groups).
    std::string head = depth == 0 ? "  + " : margin.substr(0, margin.size() >= 2 ? margin.size() - 2 : 0) + "+ ";
    std::string gm = depth == 0 ? "  | " : margin;
    if (!e->m_tb.empty()) out += head + "Exception Group Traceback (most recent call last):\n";
    format_tb(vm, e, out, gm);
    std::string line = exc_message_line(vm, exc);
    out += gm + line + "\n";
    if (is_kind(e->m_notes, ObjKind::List)) {
        auto* l = e->m_notes.as<ListObject>();
        for (uint32_t i = 0; i < l->m_size; ++i)
            if (is_str(l->m_items[i])) out += gm + as_str(l->m_items[i])->str() + "\n";
    }
    auto* ex = e->m_exceptions.as<TupleObject>();
    std::string base = std::string(gm.size() - 2, ' ');  // indentation before the "+-" rail
    size_t n = ex->m_size;
    const size_t max_width = 15;
    size_t shown = std::min(n, max_width);
    for (size_t i = 0; i < shown; ++i) {
        std::string title = "---------------- " + std::to_string(i + 1) + " ----------------";
        out += base + (i == 0 ? "+-+" : "  +") + title + "\n";
        std::string sub_margin = base + "  | ";
        if (depth + 1 >= 10) {
            out += sub_margin + "... (max_group_depth is 10)\n";
            continue;
        }
        std::vector<const Object*> sub_seen;
        format_chain(vm, ex->items()[i], out, sub_seen, sub_margin, depth + 1);
    }
    if (n > max_width) {
        out += base + "  +---------------- ... ----------------\n";
        out += base + "    | and " + std::to_string(n - max_width) + " more exception" +
               (n - max_width > 1 ? "s" : "") + "\n";
    }
    out += base + "  +------------------------------------\n";
}

}  // namespace

std::string VM::format_exception(const Value& exc) {
    std::string out;
    if (!is_kind(exc, ObjKind::Exception)) {
        std::string s;
        repr_into(exc, s);
        return s + "\n";
    }
    std::vector<const Object*> seen;
    Value saved = take_exc();
    format_chain(*this, exc, out, seen, "", 0);
    m_exc = std::move(saved);
    return out;
}

void VM::print_exception(const Value& exc) {
    std::string s = format_exception(exc);
    if (m_write) m_write(2, s);
}

// [SECTION] Warnings

bool VM::warn(TypeObject* category, const std::string& msg, int stacklevel) {
    Frame* f = m_frame;
    for (int i = 1; i < stacklevel && f; ++i) f = f->m_back;
    std::string fname = "sys";
    int line = 1;
    bool in_main = true;
    if (f) {
        fname = is_str(f->m_code->m_filename) ? as_str(f->m_code->m_filename)->str() : "?";
        line = f->m_code->loc_at(f->pc() > 0 ? f->pc() - 1 : 0).line;
        Value* mn = dict_get_str(f->m_globals, names().d_name);
        in_main = mn && is_str(*mn) && as_str(*mn)->view() == "__main__";
    }
    // Default filters: DeprecationWarning only when raised from __main__.
    if (is_subtype(category, e_DeprecationWarning) && !in_main) return false;
    std::string key = as_str(category->m_name)->str() + ":" + msg;
    for (auto& w : m_warned)
        if (w.first == key && w.second == line) return false;
    m_warned.push_back({key, line});
    std::string out = fname + ":" + std::to_string(line) + ": " + as_str(category->m_name)->str() + ": " + msg + "\n";
    if (f) {
        std::string src = source_line(fname, line);
        size_t a = src.find_first_not_of(" \t");
        if (a != std::string::npos) {
            size_t b = src.find_last_not_of(" \t\r");
            out += "  " + src.substr(a, b - a + 1) + "\n";
        }
    }
    write(2, out);
    return true;
}

}  // namespace aio::script
