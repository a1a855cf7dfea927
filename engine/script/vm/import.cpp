// import.cpp — the module table, `import`, and running source.
//
// There is no file system: every importable module is either built in C++
// (registered with an init function, modules/mod_*.cpp) or a file of
// engine/script/lib embedded by the build, compiled on first import
// (modules/lib.cpp).
#include "compile/compiler.hpp"
#include "modules/modules.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

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
    // a.b.c: the parent package first (it may itself put a.b.c in sys.modules, as os
    // does os.path); the submodule then becomes an attribute of its parent.
    std::string_view full = name->view();
    size_t last_dot = full.rfind('.');
    Value parent;
    if (last_dot != std::string_view::npos) {
        parent = import_module(intern(full.substr(0, last_dot)));
        if (parent.is_null()) return parent;
        if ((v = dict_get_str(m_modules, name))) return *v;
    }
    auto it = m_module_inits.find(name->str());
    if (it == m_module_inits.end() && lib_module_is_public(*this, name->view())) {
        Value mod = init_lib_module(*this, name->view());
        if (!mod.is_null() && is_kind(parent, ObjKind::Module))
            aio::script::dict_set_str(*this, parent.as<ModuleObject>()->m_dict, intern(full.substr(last_dot + 1)), mod);
        return mod;
    }
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

namespace {

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
    register_sys_module(*this);
    register_time_module(*this);
    register_os_module(*this);
    register_math_module(*this);
    register_module("builtins", init_builtins_module);
    register_random_module(*this);
    register_functools_module(*this);
    register_host_module(*this);
    register_collections_module(*this);
    register_re_module(*this);
    register_hashlib_module(*this);
    register_contextvars_module(*this);
    register_lib_builtins(*this);
    // The main module.
    Value main = new_module(*this, "__main__");
    m_main = main.as<ModuleObject>();
    incref(m_main);
    aio::script::dict_set_str(*this, m_modules, names().d_main, main);
    dict_set_str(m_main->m_dict, "__builtins__", Value::object(m_builtins));
}

}  // namespace aio::script
