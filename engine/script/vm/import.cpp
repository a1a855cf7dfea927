// import.cpp — the module table, `import`, running source, and the small
// builtin modules (sys, time, math).
//
// There is no file system: every importable module is either built in C++
// (registered with an init function) or embedded Python source compiled on
// first import (stdlib.cpp).
#include <chrono>
#include <cmath>
#include <ctime>

#include "compile/compiler.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

Value new_stream(VM& vm, int fd);          // builtins.cpp
void register_stdlib_modules(VM& vm);      // stdlib.cpp
void register_random_module(VM& vm);       // mod_random.cpp
void register_functools_module(VM& vm);    // mod_functools.cpp
void register_host_module(VM& vm);         // mod_host.cpp
void register_collections_module(VM& vm);  // mod_collections.cpp

Value new_module(VM& vm, std::string_view name) {
    auto* m = vm.alloc<ModuleObject>(vm.t_module, ObjKind::Module);
    m->m_name = vm.str(name);
    m->m_dict = vm.new_dict();
    vm.dict_set_str(m->m_dict, "__name__", m->m_name);
    vm.dict_set_str(m->m_dict, "__doc__", Value::none());
    return Value::steal(m);
}

void module_add(VM& vm, ModuleObject* m, const char* name, const Value& v) { vm.dict_set_str(m->m_dict, name, v); }

void module_add_fn(VM& vm, ModuleObject* m, const char* name, NativeFn fn) {
    vm.dict_set_str(m->m_dict, name, vm.new_native(name, fn));
}

void VM::register_module(const char* name, Value (*init)(VM&)) { m_module_inits[name] = init; }

Value VM::import_module(StrObject* name) {
    Value* v = dict_get_str(m_modules, name);
    if (v) return *v;
    auto it = m_module_inits.find(name->str());
    if (it == m_module_inits.end()) {
        std::string n = name->str();
        size_t dot = n.find('.');
        if (dot != std::string::npos) {
            // `import a.b` where a is known: bind the package (a) if b is an attribute.
            Value pkg = import_module(intern(n.substr(0, dot)));
            if (pkg.is_null()) return pkg;
            Value sub = getattr_opt(pkg, intern(n.substr(dot + 1)));
            if (!sub.is_null()) return pkg;
        }
        Value e = new_exception(e_ModuleNotFoundError, tuple({str("No module named '" + n + "'")}));
        DictObject* d = instance_dict(e, true);
        dict_set_str(d, "name", Value::object(name));
        m_exc = e;
        return Value();
    }
    Value mod = it->second(*this);
    if (mod.is_null()) return mod;
    aio::script::dict_set_str(*this, m_modules, name, mod);
    return mod;
}

Value import_from(VM& vm, const Value& mod, StrObject* name) {
    Value v = vm.getattr_opt(mod, name);
    if (!v.is_null()) return v;
    if (vm.has_exc()) return Value();
    std::string modname = "?";
    if (is_kind(mod, ObjKind::Module)) modname = as_str(mod.as<ModuleObject>()->m_name)->str();
    return vm.raisef(vm.e_ImportError, "cannot import name '%s' from '%s' (unknown location)", name->data(),
                     modname.c_str());
}

bool import_star(VM& vm, const Value& mod, DictObject* ns) {
    if (!is_kind(mod, ObjKind::Module)) {
        vm.raise(vm.e_TypeError, "import * needs a module");
        return false;
    }
    DictObject* d = mod.as<ModuleObject>()->m_dict;
    Value* all = dict_get_str(d, vm.names().d_all);
    if (all) {
        std::vector<Value> names;
        if (!vm.to_list(*all, names)) return false;
        for (auto& n : names) {
            if (!is_str(n)) continue;
            Value v = vm.getattr(mod, vm.intern(as_str(n)->view()));
            if (v.is_null()) return false;
            dict_set(vm, ns, n, v);
        }
        return true;
    }
    uint32_t pos = 0;
    Value *k, *v;
    while (dict_next(d, pos, k, v)) {
        if (is_str(*k) && as_str(*k)->m_size && as_str(*k)->data()[0] == '_') continue;
        dict_set(vm, ns, *k, *v);
    }
    return true;
}

void VM::add_source(std::string_view filename, std::string_view src) {
    std::vector<std::string> lines;
    size_t p = 0;
    while (p <= src.size()) {
        size_t nl = src.find('\n', p);
        if (nl == std::string_view::npos) {
            if (p < src.size()) lines.emplace_back(src.substr(p));
            break;
        }
        lines.emplace_back(src.substr(p, nl - p));
        p = nl + 1;
    }
    m_sources[std::string(filename)] = std::move(lines);
}

std::string VM::source_line(std::string_view filename, int line) const {
    auto it = m_sources.find(std::string(filename));
    if (it == m_sources.end() || line < 1 || line > static_cast<int>(it->second.size())) return "";
    std::string l = it->second[line - 1];
    if (!l.empty() && l.back() == '\r') l.pop_back();
    return l;
}

// Builds a SyntaxError (or IndentationError) instance from compile errors.
Value make_syntax_error(VM& vm, const SyntaxErrorInfo& err, std::string_view filename) {
    TypeObject* t = err.indentation ? vm.e_IndentationError : vm.e_SyntaxError;
    Value e = vm.new_exception(t, vm.tuple({vm.str(err.msg)}));
    DictObject* d = vm.instance_dict(e, true);
    vm.dict_set_str(d, "msg", vm.str(err.msg));
    vm.dict_set_str(d, "filename", vm.str(filename));
    vm.dict_set_str(d, "lineno", Value::integer(err.line));
    std::string text = vm.source_line(filename, err.line);
    vm.dict_set_str(d, "text", text.empty() && err.line <= 0 ? Value::none() : vm.str(text));
    vm.dict_set_str(d, "offset", err.col >= 0 ? Value::integer(err.col + 1) : Value::none());
    vm.dict_set_str(d, "end_lineno", Value::integer(err.end_line ? err.end_line : err.line));
    Value end_off = Value::none();
    if (err.end_col >= 0 && err.end_line == err.line && err.end_col > err.col)
        end_off = Value::integer(err.end_col + 1);
    vm.dict_set_str(d, "end_offset", end_off);
    vm.dict_set_str(d, "print_file_and_line", Value::none());
    return e;
}

Value VM::run_source(std::string_view src, std::string_view filename, DictObject* globals, bool* syntax_error) {
    add_source(filename, src);
    SyntaxErrorInfo err;
    Value code = compile_source(*this, src, filename, err);
    if (code.is_null()) {
        if (syntax_error) *syntax_error = true;
        m_exc = make_syntax_error(*this, err, filename);
        return Value();
    }
    auto* fn = alloc<FunctionObject>(t_function, ObjKind::Function);
    Value fv = Value::steal(fn);
    fn->m_code = code.as<CodeObject>();
    incref(fn->m_code);
    fn->m_globals = globals;
    incref(globals);
    fn->m_name = fn->m_code->m_name;
    fn->m_qualname = fn->m_code->m_qualname;
    fn->m_module = Value::none();
    fn->m_doc = Value::none();
    if (!dict_get_str(globals, names().d_builtins))
        aio::script::dict_set_str(*this, globals, names().d_builtins, Value::object(m_builtins));
    Frame* f = make_frame(fn, nullptr, 0, nullptr);
    if (!f) return Value();
    Value result;
    RunStatus st = run(f, result);
    if (st == RunStatus::Raised) return Value();
    if (st == RunStatus::Paused) return Value::none();
    return result;
}

// [SECTION] sys

namespace {

Value sys_exit(VM& vm, Value* a, int n, TupleObject*, Value&) {
    Value args = n > 0 ? vm.tuple({a[0]}) : vm.m_empty_tuple;
    vm.set_exc(vm.new_exception(vm.e_SystemExit, args));
    return Value();
}
Value sys_getrecursionlimit(VM& vm, Value*, int, TupleObject*, Value&) { return Value::integer(vm.limits().max_depth); }
Value sys_setrecursionlimit(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t v;
    if (n != 1 || !int_from_value(vm, a[0], v, "limit"))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "setrecursionlimit expects an int");
    if (v < 1) return vm.raise(vm.e_ValueError, "recursion limit must be greater or equal than 1");
    // Bounded so that the host's C stack is never at risk.
    vm.limits().max_depth = static_cast<int>(std::min<int64_t>(v, 20000));
    return Value::none();
}
Value sys_exc_info(VM& vm, Value*, int, TupleObject*, Value&) {
    Value e = vm.handled_exception();
    if (e.is_none()) return vm.tuple({Value::none(), Value::none(), Value::none()});
    return vm.tuple({Value::object(vm.type_of(e)), e, Value::none()});
}
Value sys_exception(VM& vm, Value*, int, TupleObject*, Value&) { return vm.handled_exception(); }
Value sys_getsizeof(VM&, Value* a, int, TupleObject*, Value&) { return Value::integer(a[0].is_obj() ? 56 : 28); }
Value sys_intern(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1 || !is_str(a[0])) return vm.raise(vm.e_TypeError, "intern() argument must be str");
    return Value::object(vm.intern(as_str(a[0])->view()));
}

Value init_sys(VM& vm) {
    Value mv = new_module(vm, "sys");
    auto* m = mv.as<ModuleObject>();
    module_add(vm, m, "stdout", new_stream(vm, 1));
    module_add(vm, m, "stderr", new_stream(vm, 2));
    module_add(vm, m, "__stdout__", new_stream(vm, 1));
    module_add(vm, m, "__stderr__", new_stream(vm, 2));
    module_add(vm, m, "stdin", Value::none());
    ListObject* argv = vm.new_list();
    Value argvv = Value::steal(argv);
    for (auto& a : vm.m_argv) list_append(vm, argv, vm.str(a));
    module_add(vm, m, "argv", argvv);
    module_add(vm, m, "modules", Value::object(vm.m_modules));
    module_add(vm, m, "maxsize", Value::integer(INT64_MAX));
    module_add(vm, m, "platform", vm.str("linux"));
    module_add(vm, m, "version", vm.str("3.11.7 (aio-py)"));
    module_add(
        vm, m, "version_info",
        vm.tuple({Value::integer(3), Value::integer(11), Value::integer(7), vm.str("final"), Value::integer(0)}));
    module_add(vm, m, "byteorder", vm.str("little"));
    module_add(vm, m, "implementation", vm.str("aio-py"));
    module_add(vm, m, "path", Value::steal(vm.new_list()));
    module_add_fn(vm, m, "exit", sys_exit);
    module_add_fn(vm, m, "getrecursionlimit", sys_getrecursionlimit);
    module_add_fn(vm, m, "setrecursionlimit", sys_setrecursionlimit);
    module_add_fn(vm, m, "exc_info", sys_exc_info);
    module_add_fn(vm, m, "exception", sys_exception);
    module_add_fn(vm, m, "getsizeof", sys_getsizeof);
    module_add_fn(vm, m, "intern", sys_intern);
    return mv;
}

// [SECTION] time

double wall_now(VM& vm) {
    if (vm.m_clock) return vm.m_clock->wall();
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}
double mono_now(VM& vm) {
    if (vm.m_clock) return vm.m_clock->monotonic();
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

Value t_time(VM& vm, Value*, int, TupleObject*, Value&) { return Value::real(wall_now(vm)); }
Value t_time_ns(VM& vm, Value*, int, TupleObject*, Value&) {
    return Value::integer(static_cast<int64_t>(wall_now(vm) * 1e9));
}
Value t_monotonic(VM& vm, Value*, int, TupleObject*, Value&) { return Value::real(mono_now(vm)); }
Value t_monotonic_ns(VM& vm, Value*, int, TupleObject*, Value&) {
    return Value::integer(static_cast<int64_t>(mono_now(vm) * 1e9));
}
Value t_process_time(VM&, Value*, int, TupleObject*, Value&) {
    return Value::real(static_cast<double>(std::clock()) / CLOCKS_PER_SEC);
}
Value t_sleep(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double s;
    if (n != 1 || !vm.as_double(a[0], s))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "sleep() takes exactly one argument");
    if (s < 0) return vm.raise(vm.e_ValueError, "sleep length must be non-negative");
    if (vm.can_block_for_host()) {
        // A host driving the run (the browser) cannot block: the run pauses
        // right after this call and the host resumes it when the time is up.
        // Nothing else runs meanwhile, so the script sees a blocking sleep.
        vm.request_block(s);
        return Value::none();
    }
    if (vm.m_clock)
        vm.m_clock->sleep(s);
    else {
        auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(s);
        while (std::chrono::steady_clock::now() < until) {
            struct timespec ts {
                0, 1000000
            };
            nanosleep(&ts, nullptr);
        }
    }
    return Value::none();
}

Value struct_time(VM& vm, const std::tm& t) {
    return vm.tuple({Value::integer(t.tm_year + 1900), Value::integer(t.tm_mon + 1), Value::integer(t.tm_mday),
                     Value::integer(t.tm_hour), Value::integer(t.tm_min), Value::integer(t.tm_sec),
                     Value::integer((t.tm_wday + 6) % 7), Value::integer(t.tm_yday + 1), Value::integer(t.tm_isdst)});
}

bool tm_from(VM& vm, Value* a, int n, bool local, std::tm& out) {
    if (n == 0 || a[0].is_none()) {
        std::time_t now = static_cast<std::time_t>(wall_now(vm));
        if (local)
            localtime_r(&now, &out);
        else
            gmtime_r(&now, &out);
        return true;
    }
    if (is_kind(a[0], ObjKind::Tuple) && a[0].as<TupleObject>()->m_size >= 9) {
        auto* t = a[0].as<TupleObject>();
        std::tm tm{};
        tm.tm_year = static_cast<int>(t->items()[0].as_intlike() - 1900);
        tm.tm_mon = static_cast<int>(t->items()[1].as_intlike() - 1);
        tm.tm_mday = static_cast<int>(t->items()[2].as_intlike());
        tm.tm_hour = static_cast<int>(t->items()[3].as_intlike());
        tm.tm_min = static_cast<int>(t->items()[4].as_intlike());
        tm.tm_sec = static_cast<int>(t->items()[5].as_intlike());
        tm.tm_wday = static_cast<int>((t->items()[6].as_intlike() + 1) % 7);
        tm.tm_yday = static_cast<int>(t->items()[7].as_intlike() - 1);
        tm.tm_isdst = static_cast<int>(t->items()[8].as_intlike());
        out = tm;
        return true;
    }
    double secs;
    if (!vm.as_double(a[0], secs)) return false;
    std::time_t tt = static_cast<std::time_t>(std::floor(secs));
    if (local)
        localtime_r(&tt, &out);
    else
        gmtime_r(&tt, &out);
    return true;
}

Value t_localtime(VM& vm, Value* a, int n, TupleObject*, Value&) {
    std::tm t;
    if (!tm_from(vm, a, n, true, t)) return Value();
    return struct_time(vm, t);
}
Value t_gmtime(VM& vm, Value* a, int n, TupleObject*, Value&) {
    std::tm t;
    if (!tm_from(vm, a, n, false, t)) return Value();
    return struct_time(vm, t);
}
Value t_strftime(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 1 || !is_str(a[0])) return vm.raise(vm.e_TypeError, "strftime() argument 1 must be str");
    std::tm t;
    if (!tm_from(vm, a + 1, n - 1, true, t)) return Value();
    char buf[1024];
    size_t len = std::strftime(buf, sizeof buf, as_str(a[0])->data(), &t);
    return vm.str(std::string_view(buf, len));
}
Value t_mktime(VM& vm, Value* a, int n, TupleObject*, Value&) {
    std::tm t;
    if (!tm_from(vm, a, n, true, t)) return Value();
    return Value::real(static_cast<double>(std::mktime(&t)));
}

Value init_time(VM& vm) {
    Value mv = new_module(vm, "time");
    auto* m = mv.as<ModuleObject>();
    module_add_fn(vm, m, "time", t_time);
    module_add_fn(vm, m, "time_ns", t_time_ns);
    module_add_fn(vm, m, "monotonic", t_monotonic);
    module_add_fn(vm, m, "monotonic_ns", t_monotonic_ns);
    module_add_fn(vm, m, "perf_counter", t_monotonic);
    module_add_fn(vm, m, "perf_counter_ns", t_monotonic_ns);
    module_add_fn(vm, m, "process_time", t_process_time);
    module_add_fn(vm, m, "sleep", t_sleep);
    module_add_fn(vm, m, "localtime", t_localtime);
    module_add_fn(vm, m, "gmtime", t_gmtime);
    module_add_fn(vm, m, "strftime", t_strftime);
    module_add_fn(vm, m, "mktime", t_mktime);
    return mv;
}

// [SECTION] math

bool num_arg(VM& vm, const Value& v, double& out) {
    if (vm.as_double(v, out)) return true;
    vm.clear_exc();
    vm.raisef(vm.e_TypeError, "must be real number, not %s", type_name(v).c_str());
    return false;
}

template <double (*F)(double)>
Value m_unary(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1) return vm.raise(vm.e_TypeError, "math function takes exactly one argument");
    if (!num_arg(vm, a[0], x)) return Value();
    errno = 0;
    double r = F(x);
    if (std::isnan(r) && !std::isnan(x)) return vm.raise(vm.e_ValueError, "math domain error");
    if (std::isinf(r) && std::isfinite(x)) return vm.raise(vm.e_OverflowError, "math range error");
    return Value::real(r);
}

Value m_sqrt(VM& vm, Value* a, int n, TupleObject* kw, Value& d) {
    double x;
    if (n == 1 && num_arg(vm, a[0], x) && x < 0) return vm.raise(vm.e_ValueError, "math domain error");
    if (vm.has_exc()) return Value();
    return m_unary<std::sqrt>(vm, a, n, kw, d);
}
Value m_floor(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raise(vm.e_TypeError, "floor() takes exactly one argument");
    if (a[0].is_intlike()) return Value::integer(a[0].as_intlike());
    if (!a[0].is_float()) {
        Value f = vm.type_lookup(vm.type_of(a[0]), vm.intern("__floor__"));
        if (!f.is_null()) return vm.call(f, {a[0]});
    }
    double x;
    if (!num_arg(vm, a[0], x)) return Value();
    return vm.call_method(Value::real(std::floor(x)), "__int__", {});
}
Value m_ceil(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raise(vm.e_TypeError, "ceil() takes exactly one argument");
    if (a[0].is_intlike()) return Value::integer(a[0].as_intlike());
    if (!a[0].is_float()) {
        Value f = vm.type_lookup(vm.type_of(a[0]), vm.intern("__ceil__"));
        if (!f.is_null()) return vm.call(f, {a[0]});
    }
    double x;
    if (!num_arg(vm, a[0], x)) return Value();
    return vm.call_method(Value::real(std::ceil(x)), "__int__", {});
}
Value m_trunc(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raise(vm.e_TypeError, "trunc() takes exactly one argument");
    return vm.call_method(a[0], "__trunc__", {});
}
Value m_log(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 1 || n > 2) return vm.raise(vm.e_TypeError, "log expected 1 or 2 arguments");
    double x;
    if (!num_arg(vm, a[0], x)) return Value();
    if (x <= 0) return vm.raise(vm.e_ValueError, "math domain error");
    double r = std::log(x);
    if (n == 2) {
        double b;
        if (!num_arg(vm, a[1], b)) return Value();
        if (b <= 0 || b == 1)
            return vm.raise(b == 1 ? vm.e_ZeroDivisionError : vm.e_ValueError,
                            b == 1 ? "float division by zero" : "math domain error");
        r /= std::log(b);
    }
    return Value::real(r);
}
Value m_log2(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "log2 expects one argument");
    if (x <= 0) return vm.raise(vm.e_ValueError, "math domain error");
    return Value::real(std::log2(x));
}
Value m_log10(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "log10 expects one argument");
    if (x <= 0) return vm.raise(vm.e_ValueError, "math domain error");
    return Value::real(std::log10(x));
}
Value m_pow(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x, y;
    if (n != 2 || !num_arg(vm, a[0], x) || !num_arg(vm, a[1], y))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "pow expected 2 arguments");
    if (x == 0 && y < 0) return vm.raise(vm.e_ValueError, "math domain error");
    double r = std::pow(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return vm.raise(vm.e_ValueError, "math domain error");
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return vm.raise(vm.e_OverflowError, "math range error");
    return Value::real(r);
}
template <double (*F)(double, double)>
Value m_binary(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x, y;
    if (n != 2 || !num_arg(vm, a[0], x) || !num_arg(vm, a[1], y))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "expected 2 arguments");
    double r = F(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return vm.raise(vm.e_ValueError, "math domain error");
    return Value::real(r);
}
Value m_hypot(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double acc = 0;
    for (int i = 0; i < n; ++i) {
        double x;
        if (!num_arg(vm, a[i], x)) return Value();
        acc = std::hypot(acc, x);
    }
    return Value::real(acc);
}
template <bool (*P)(double)>
Value m_pred(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "expected 1 argument");
    return Value::boolean(P(x));
}
bool p_isnan(double x) { return std::isnan(x); }
bool p_isinf(double x) { return std::isinf(x); }
bool p_isfinite(double x) { return std::isfinite(x); }
Value m_fabs(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "fabs expects one argument");
    return Value::real(std::fabs(x));
}
int64_t gcd64(int64_t a, int64_t b) {
    a = a < 0 ? -a : a;
    b = b < 0 ? -b : b;
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}
Value m_gcd(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t g = 0;
    for (int i = 0; i < n; ++i) {
        int64_t x;
        if (!int_from_value(vm, a[i], x, "")) return Value();
        g = gcd64(g, x);
    }
    return Value::integer(g);
}
Value m_lcm(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t l = 1;
    for (int i = 0; i < n; ++i) {
        int64_t x;
        if (!int_from_value(vm, a[i], x, "")) return Value();
        if (x == 0) return Value::integer(0);
        int64_t g = gcd64(l, x);
        int64_t r;
        if (__builtin_mul_overflow(l / g, x < 0 ? -x : x, &r)) return vm.int_overflow();
        l = r;
    }
    return Value::integer(l);
}
Value m_factorial(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t x;
    if (n != 1) return vm.raise(vm.e_TypeError, "factorial() takes exactly one argument");
    if (a[0].is_float()) return vm.raise(vm.e_TypeError, "'float' object cannot be interpreted as an integer");
    if (!int_from_value(vm, a[0], x, "")) return Value();
    if (x < 0) return vm.raise(vm.e_ValueError, "factorial() not defined for negative values");
    int64_t r = 1;
    for (int64_t i = 2; i <= x; ++i)
        if (__builtin_mul_overflow(r, i, &r)) return vm.int_overflow();
    return Value::integer(r);
}
Value m_comb(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t N, K;
    if (n != 2 || !int_from_value(vm, a[0], N, "") || !int_from_value(vm, a[1], K, ""))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "comb expected 2 arguments");
    if (N < 0 || K < 0)
        return vm.raise(vm.e_ValueError,
                        N < 0 ? "n must be a non-negative integer" : "k must be a non-negative integer");
    if (K > N) return Value::integer(0);
    if (K > N - K) K = N - K;
    __int128 r = 1;
    for (int64_t i = 1; i <= K; ++i) {
        r = r * (N - K + i) / i;
        if (r > INT64_MAX) return vm.int_overflow();
    }
    return Value::integer(static_cast<int64_t>(r));
}
Value m_perm(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t N, K;
    if (n < 1 || !int_from_value(vm, a[0], N, ""))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "perm expected arguments");
    K = N;
    if (n > 1 && !a[1].is_none() && !int_from_value(vm, a[1], K, "")) return Value();
    if (K > N) return Value::integer(0);
    int64_t r = 1;
    for (int64_t i = N - K + 1; i <= N; ++i)
        if (__builtin_mul_overflow(r, i, &r)) return vm.int_overflow();
    return Value::integer(r);
}
Value m_isclose(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[4];
    if (!parse_args(vm, "isclose", a, n, kw, {"a", "b", "rel_tol", "abs_tol"}, 2, args, 2)) return Value();
    double x, y, rel = 1e-9, abst = 0;
    if (!num_arg(vm, args[0], x) || !num_arg(vm, args[1], y)) return Value();
    if (!args[2].is_null() && !num_arg(vm, args[2], rel)) return Value();
    if (!args[3].is_null() && !num_arg(vm, args[3], abst)) return Value();
    if (x == y) return Value::boolean(true);
    if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
    double diff = std::fabs(y - x);
    return Value::boolean(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abst);
}
Value m_prod(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (!parse_args(vm, "prod", a, n, kw, {"iterable", "start"}, 1, args, 1)) return Value();
    Value acc = args[1].is_null() ? Value::integer(1) : args[1];
    std::vector<Value> items;
    if (!vm.to_list(args[0], items)) return Value();
    for (auto& x : items) {
        acc = vm.binary_op(BinOp::Mul, acc, x);
        if (acc.is_null()) return acc;
    }
    return acc;
}
Value m_fsum(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raise(vm.e_TypeError, "fsum() takes exactly one argument");
    std::vector<Value> items;
    if (!vm.to_list(a[0], items)) return Value();
    // Shewchuk's exact summation (as CPython's math.fsum).
    std::vector<double> partials;
    for (auto& v : items) {
        double x;
        if (!num_arg(vm, v, x)) return Value();
        size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        partials.push_back(x);
    }
    double total = 0;
    for (double p : partials) total += p;
    return Value::real(total);
}
Value m_degrees(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "degrees expects one argument");
    return Value::real(x * (180.0 / M_PI));
}
Value m_radians(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "radians expects one argument");
    return Value::real(x * (M_PI / 180.0));
}
Value m_modf(VM& vm, Value* a, int n, TupleObject*, Value&) {
    double x;
    if (n != 1 || !num_arg(vm, a[0], x))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "modf expects one argument");
    double ip;
    double fp = std::modf(x, &ip);
    return vm.tuple({Value::real(fp), Value::real(ip)});
}
Value m_dist(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "dist expected 2 arguments");
    std::vector<Value> p, q;
    if (!vm.to_list(a[0], p) || !vm.to_list(a[1], q)) return Value();
    if (p.size() != q.size()) return vm.raise(vm.e_ValueError, "both points must have the same number of dimensions");
    double acc = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        double x, y;
        if (!num_arg(vm, p[i], x) || !num_arg(vm, q[i], y)) return Value();
        acc = std::hypot(acc, x - y);
    }
    return Value::real(acc);
}
Value m_isqrt(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t x;
    if (n != 1 || !int_from_value(vm, a[0], x, ""))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "isqrt expects one argument");
    if (x < 0) return vm.raise(vm.e_ValueError, "isqrt() argument must be nonnegative");
    int64_t r = static_cast<int64_t>(std::sqrt(static_cast<double>(x)));
    while (r * r > x) --r;
    while ((r + 1) * (r + 1) <= x) ++r;
    return Value::integer(r);
}

Value init_math(VM& vm) {
    Value mv = new_module(vm, "math");
    auto* m = mv.as<ModuleObject>();
    module_add(vm, m, "pi", Value::real(M_PI));
    module_add(vm, m, "e", Value::real(M_E));
    module_add(vm, m, "tau", Value::real(2 * M_PI));
    module_add(vm, m, "inf", Value::real(INFINITY));
    module_add(vm, m, "nan", Value::real(NAN));
    struct {
        const char* n;
        NativeFn f;
    } fns[] = {
        {"sqrt", m_sqrt},
        {"floor", m_floor},
        {"ceil", m_ceil},
        {"trunc", m_trunc},
        {"log", m_log},
        {"log2", m_log2},
        {"log10", m_log10},
        {"exp", m_unary<std::exp>},
        {"pow", m_pow},
        {"sin", m_unary<std::sin>},
        {"cos", m_unary<std::cos>},
        {"tan", m_unary<std::tan>},
        {"asin", m_unary<std::asin>},
        {"acos", m_unary<std::acos>},
        {"atan", m_unary<std::atan>},
        {"sinh", m_unary<std::sinh>},
        {"cosh", m_unary<std::cosh>},
        {"tanh", m_unary<std::tanh>},
        {"atan2", m_binary<std::atan2>},
        {"fmod", m_binary<std::fmod>},
        {"copysign", m_binary<std::copysign>},
        {"hypot", m_hypot},
        {"isnan", m_pred<p_isnan>},
        {"isinf", m_pred<p_isinf>},
        {"isfinite", m_pred<p_isfinite>},
        {"fabs", m_fabs},
        {"gcd", m_gcd},
        {"lcm", m_lcm},
        {"factorial", m_factorial},
        {"comb", m_comb},
        {"perm", m_perm},
        {"isclose", m_isclose},
        {"prod", m_prod},
        {"fsum", m_fsum},
        {"degrees", m_degrees},
        {"radians", m_radians},
        {"modf", m_modf},
        {"dist", m_dist},
        {"isqrt", m_isqrt},
        {"expm1", m_unary<std::expm1>},
        {"log1p", m_unary<std::log1p>},
    };
    for (auto& f : fns) module_add_fn(vm, m, f.n, f.f);
    return mv;
}

Value init_builtins_module(VM& vm) {
    Value mv = new_module(vm, "builtins");
    auto* m = mv.as<ModuleObject>();
    decref(m->m_dict);
    m->m_dict = vm.builtins();
    incref(m->m_dict);
    return mv;
}

}  // namespace

void VM::init_modules() {
    register_module("sys", init_sys);
    register_module("time", init_time);
    register_module("math", init_math);
    register_module("builtins", init_builtins_module);
    register_random_module(*this);
    register_functools_module(*this);
    register_host_module(*this);
    register_collections_module(*this);
    register_stdlib_modules(*this);
    // The main module.
    Value main = new_module(*this, "__main__");
    m_main = main.as<ModuleObject>();
    incref(m_main);
    aio::script::dict_set_str(*this, m_modules, names().d_main, main);
    dict_set_str(m_main->m_dict, "__builtins__", Value::object(m_builtins));
}

}  // namespace aio::script
