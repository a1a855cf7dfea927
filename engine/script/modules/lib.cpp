// lib.cpp — the interpreter's library written in Python (engine/script/lib/
// *.py: functools, collections, enum, typing, contextlib, dataclasses, ...,
// asyncio's Python half), compiled on first import from the table the build
// embeds (cmake/embed_files.cmake). They are small re-implementations of what
// asyncio tutorials use, not copies of CPython's sources.
#include "modules/modules.hpp"
#include "objects/runtime.hpp"
#include "vm/code.hpp"

namespace aio::script {

namespace {

// "asyncio/tasks.py" -> "asyncio.tasks"; "asyncio/__init__.py" -> "asyncio".
std::string module_name_of(std::string_view path) {
    std::string name(path.substr(0, path.size() - 3));  // drop ".py"
    for (char& c : name)
        if (c == '/') c = '.';
    constexpr std::string_view init = ".__init__";
    if (name.size() > init.size() && name.compare(name.size() - init.size(), init.size(), init) == 0)
        name.resize(name.size() - init.size());
    return name;
}

// __aio_hidden__(name): internal objects the source modules need.
Value hidden(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1 || !is_str(a[0])) return vm.raise(vm.e_TypeError, "__aio_hidden__(name)");
    std::string_view name = as_str(a[0])->view();
    if (name == "Enum") return Value::object(vm.t_enum);
    if (name == "auto") {
        Value* v = dict_get_str(vm.m_builtins, vm.intern("__enum_auto__"));
        return v ? *v : Value::none();
    }
    if (name == "warn") {
        return vm.new_native("warn", [](VM& vm2, Value* b, int m, TupleObject*, Value&) -> Value {
            if (m < 2 || !is_kind(b[0], ObjKind::Type) || !is_str(b[1]))
                return vm2.raise(vm2.e_TypeError, "warn(category, message)");
            int level = m > 2 && b[2].is_int() ? static_cast<int>(b[2].as_int()) : 2;
            vm2.warn(b[0].as<TypeObject>(), as_str(b[1])->str(), level);
            return Value::none();
        });
    }
    if (name == "format_exc") {
        return vm.new_native("format_exc", [](VM& vm2, Value* b, int m, TupleObject*, Value&) -> Value {
            if (m != 1) return vm2.raise(vm2.e_TypeError, "format_exc(exc)");
            return vm2.str(vm2.format_exception(b[0]));
        });
    }
    if (name == "caller") {
        // caller(skip_file, stacklevel) -> (filename, lineno, function) of the
        // innermost frame not in skip_file, stacklevel - 1 further out: what
        // logging reads through sys._getframe.
        return vm.new_native("caller", [](VM& vm2, Value* b, int m, TupleObject*, Value&) -> Value {
            if (m != 2 || !is_str(b[0]) || !b[1].is_intlike())
                return vm2.raise(vm2.e_TypeError, "caller(skip_file: str, stacklevel: int)");
            std::string_view skip = as_str(b[0])->view();
            int64_t further = b[1].as_intlike() - 1;
            for (Frame* f = vm2.current_frame(); f; f = f->m_back) {
                CodeObject* c = f->m_code;
                if (!is_str(c->m_filename) || as_str(c->m_filename)->view() == skip) continue;
                if (further-- > 0) continue;
                int line = c->loc_at(f->pc() > 0 ? f->pc() - 1 : 0).line;
                return vm2.tuple({c->m_filename, Value::integer(line), c->m_name});
            }
            return vm2.tuple({vm2.str("(unknown file)"), Value::integer(0), vm2.str("(unknown function)")});
        });
    }
    return vm.raisef(vm.e_KeyError, "unknown hidden name");
}

}  // namespace

const EmbeddedFile* find_lib_module(std::string_view name) {
    for (const EmbeddedFile& f : kScriptLib)
        if (module_name_of(f.name) == name) return &f;
    return nullptr;
}

bool lib_module_is_public(VM& vm, std::string_view name) {
    // The asyncio package waits for its stage (install_asyncio, which
    // registers `asyncio`); its submodules come with it.
    if (name == "asyncio") return false;
    if (name.substr(0, 8) == "asyncio." && !vm.m_asyncio) return false;
    return find_lib_module(name) != nullptr;
}

Value init_lib_module(VM& vm, std::string_view name) {
    const EmbeddedFile* file = find_lib_module(name);
    if (!file) return vm.raisef(vm.e_ModuleNotFoundError, "No module named '%s'", std::string(name).c_str());
    Value mv = new_module(vm, name);
    auto* mod = mv.as<ModuleObject>();
    // Register first so that circular imports find the (partial) module.
    dict_set_str(vm, vm.m_modules, vm.intern(name), mv);
    std::string filename = "<frozen " + std::string(name) + ">";
    module_add(vm, mod, "__file__", vm.str(filename));
    Value r = vm.run_source(file->text(), filename, mod->m_dict);
    if (r.is_null()) {
        dict_del_str(vm.m_modules, vm.intern(name));
        return Value();
    }
    return mv;
}

void register_lib_builtins(VM& vm) {
    vm.dict_set_str(vm.m_builtins, "__aio_hidden__", vm.new_native("__aio_hidden__", hidden));
}

}  // namespace aio::script
