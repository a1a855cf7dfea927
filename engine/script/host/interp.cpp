// interp.cpp — running a program as __main__, CPython's exit-status rules.
#include "host/interp.hpp"

#include <algorithm>

#include "vm/native.hpp"

#include "objects/runtime.hpp"
#include "asyncio/asyncio.hpp"
#include "compile/compiler.hpp"
#include "modules/modules.hpp"

namespace aio::script {

Interpreter::Interpreter(Limits limits) {
    m_vm = std::make_unique<VM>(limits);
    set_current_vm(nullptr);
}

Interpreter::~Interpreter() = default;

void Interpreter::set_output(WriteFn write, FlushFn flush) {
    m_vm->set_writer(std::move(write));
    m_vm->set_flusher(std::move(flush));
}

void Interpreter::set_argv(std::vector<std::string> argv) { m_vm->m_argv = std::move(argv); }

void Interpreter::set_clock(Clock* clock) { m_vm->m_clock = clock; }

void Interpreter::set_observer(aio::Observer* observer) { asyncio_state(*m_vm).observer = observer; }

bool Interpreter::disassemble(std::string_view source, std::string_view filename, std::string& out) {
    VMScope scope(*m_vm);
    SyntaxErrorInfo err;
    Value c = compile_source(*m_vm, source, filename, err);
    if (c.is_null()) {
        out = "SyntaxError: " + err.msg + " (line " + std::to_string(err.line) + ")\n";
        return false;
    }
    out = script::disassemble(c.as<CodeObject>());
    return true;
}

void Interpreter::enable_asyncio(bool virtual_clock) {
    VMScope scope(*m_vm);
    install_asyncio(*m_vm, virtual_clock);
    register_asyncio_modules(*m_vm);
}

int Interpreter::exit_status_for(const Value& exc) {
    VM& vm = *m_vm;
    if (vm.isinstance(exc, vm.e_SystemExit)) {
        auto* args = as_exc(exc)->m_args.as<TupleObject>();
        if (args->m_size == 0) return 0;
        const Value& code = args->m_size == 1 ? args->items()[0] : as_exc(exc)->m_args;
        if (code.is_none()) return 0;
        if (code.is_intlike()) return static_cast<int>(code.as_intlike() & 0xff);
        std::string s;
        if (!vm.str_into(code, s)) vm.clear_exc();
        vm.write(2, s + "\n");
        return 1;
    }
    // CPython flushes stdout before it prints the traceback (pythonrun.c's
    // flush_io), so with 2>&1 earlier output comes first.
    vm.flush(1);
    vm.print_exception(exc);
    return 1;
}

// Coroutines still unawaited when the program ends are reported as CPython
// does at interpreter shutdown ("sys:1: RuntimeWarning: ...").
void Interpreter::report_unawaited_at_exit() {
    VM& vm = *m_vm;
    std::vector<Object*> pending;
    for (Object* o = vm.m_all.m_prev; o != &vm.m_all; o = o->m_prev) {
        if (kind_of(o) == ObjKind::Generator) {
            auto* g = static_cast<GenObject*>(o);
            if (g->m_genkind == GenKind::Coroutine && g->m_state == GenState::Created && !g->m_awaited)
                pending.push_back(g);
        } else if (kind_of(o) == ObjKind::Cxx && (o->m_flags & kCxxCoroFlag)) {
            auto* op = static_cast<CoroOp*>(static_cast<CxxObject*>(o));
            if (op->m_state == CoroOp::St::Created && !op->m_quiet) pending.push_back(o);
        }
    }
    Frame* saved = vm.m_frame;
    vm.m_frame = nullptr;
    for (Object* o : pending) {
        std::string name;
        if (kind_of(o) == ObjKind::Generator) {
            auto* g = static_cast<GenObject*>(o);
            g->m_awaited = true;
            name = as_str(g->m_qualname)->str();
        } else {
            auto* op = static_cast<CoroOp*>(static_cast<CxxObject*>(o));
            op->m_state = CoroOp::St::Done;
            name = op->name();
        }
        if (vm.warn(vm.e_RuntimeWarning, "coroutine '" + name + "' was never awaited"))
            vm.write(2, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    }
    vm.m_frame = saved;
}

int Interpreter::run_main(std::string_view source, std::string_view filename) {
    VM& vm = *m_vm;
    VMScope scope(vm);
    DictObject* globals = vm.main_module()->m_dict;
    vm.dict_set_str(globals, "__file__", vm.str(filename));
    Value r = vm.run_source(source, filename, globals);
    int status = 0;
    if (r.is_null()) {
        Value exc = vm.take_exc();
        status = exit_status_for(exc);
    }
    // Release the program's globals first (so objects they keep die with
    // CPython-like timing), then report coroutines nobody awaited.
    vm.m_exc_state->handled = Value();
    report_unawaited_at_exit();
    return status;
}

std::vector<std::string> Interpreter::module_names() const {
    std::vector<std::string> names;
    auto add = [&names](std::string_view n) {
        if (!n.empty() && n[0] != '_' && n.find('.') == std::string_view::npos) names.emplace_back(n);
    };
    for (auto& [name, init] : m_vm->m_module_inits) add(name);
    for (const EmbeddedFile& f : kScriptLib) {
        std::string_view path = f.name;
        size_t slash = path.find('/');
        add(slash == std::string_view::npos ? path.substr(0, path.size() - 3) : path.substr(0, slash));
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

}  // namespace aio::script
