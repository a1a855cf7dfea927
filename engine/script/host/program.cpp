// program.cpp — driving a script run from a host, a slice at a time.

#include "host/program.hpp"

#include <chrono>
#include <cmath>
#include <limits>

#include "asyncio/asyncio.hpp"
#include "compile/compiler.hpp"

namespace aio::script {

Value make_syntax_error(VM& vm, const SyntaxErrorInfo& err, std::string_view filename);  // import.cpp

namespace {
constexpr uint64_t kDefaultSlice = 100000;  // instructions between pause points
}

ScriptProgram::ScriptProgram(Options options) : m_options(std::move(options)) {
    if (!m_options.limits.slice_instructions) m_options.limits.slice_instructions = kDefaultSlice;
    m_interp = std::make_unique<Interpreter>(m_options.limits);
    if (m_options.write) m_interp->set_output(m_options.write);
    m_interp->set_argv(m_options.argv);
    m_interp->allow_file_reads(m_options.allow_file_reads);
    m_interp->enable_asyncio(m_options.virtual_clock);
    VM& vm = m_interp->vm();
    VMScope scope(vm);
    asyncio_state(vm).observer = m_options.observer;
    vm.m_host_driven = true;
}

ScriptProgram::~ScriptProgram() {
    if (m_phase != Phase::done && m_phase != Phase::not_started) stop();
}

aio::EventLoop* ScriptProgram::loop() const {
    if (m_phase != Phase::loop) return nullptr;
    return static_cast<aio::EventLoop*>(m_interp->vm().m_host.loop);
}

bool ScriptProgram::blocked() const { return m_interp->vm().m_block_until > 0; }

bool ScriptProgram::stop_requested() const { return asyncio_state(m_interp->vm()).host_stop; }

void ScriptProgram::set_virtual_clock(bool on) {
    m_options.virtual_clock = on;
    asyncio_state(m_interp->vm()).virtual_clock = on;
}

int ScriptProgram::current_line() const {
    VM& vm = m_interp->vm();
    Frame* f = vm.current_frame();
    if (!f || !vm.is_paused()) return 0;
    return f->m_code->loc_at(f->pc()).line;  // paused before this instruction
}

void ScriptProgram::start(std::string_view source, std::string_view filename) {
    m_source = std::string(source);
    m_filename = std::string(filename);
    m_phase = Phase::main;
    m_state = State::ready;
    m_main_paused = false;
}

void ScriptProgram::finish(int status) {
    VM& vm = m_interp->vm();
    vm.m_exc_state->handled = Value();
    m_interp->report_unawaited_at_exit();
    m_status = status;
    m_phase = Phase::done;
    m_state = State::finished;
}

ScriptProgram::State ScriptProgram::resume_main(RunStatus st) {
    VM& vm = m_interp->vm();
    switch (st) {
    case RunStatus::Returned:
    case RunStatus::Yielded:
        finish(0);
        break;
    case RunStatus::Raised: {
        Value exc = vm.take_exc();
        finish(m_interp->exit_status_for(exc));
        break;
    }
    case RunStatus::Paused:
        m_main_paused = true;
        m_phase = Phase::main;
        m_state = State::ready;
        break;
    case RunStatus::HostWait:
        m_main_paused = false;
        m_phase = Phase::loop;
        m_state = State::ready;
        break;
    }
    return m_state;
}

ScriptProgram::State ScriptProgram::advance(bool one_callback) {
    VM& vm = m_interp->vm();
    VMScope scope(vm);
    if (m_phase == Phase::done || m_phase == Phase::not_started) return m_state = State::finished;
    if (vm.m_block_until > 0) {
        // In a blocking time.sleep: nothing runs until it is over.
        using namespace std::chrono;
        double left = vm.m_block_until - duration<double>(steady_clock::now().time_since_epoch()).count();
        if (left > 0) {
            if (aio::EventLoop* lo = loop()) {
                m_wake_at = lo->time() + left;
                return m_state = State::waiting;
            }
            return m_state = State::ready;  // (no loop to express the time in: the host polls)
        }
        vm.m_block_until = 0;
    }
    if (m_phase == Phase::main) {
        Value result;
        if (m_main_paused) {
            m_main_paused = false;
            RunStatus rs;
            {
                VM::PausableScope pausable(vm);  // top-level code (and task steps) pause; callbacks run whole
                rs = vm.continue_paused(result);
            }
            return resume_main(rs);
        }
        // First slice: compile and enter the module.
        DictObject* globals = vm.main_module()->m_dict;
        vm.dict_set_str(globals, "__file__", vm.str(m_filename));
        vm.add_source(m_filename, m_source);
        SyntaxErrorInfo err;
        Value code = compile_source(vm, m_source, m_filename, err);
        if (code.is_null()) {
            vm.set_exc(make_syntax_error(vm, err, m_filename));
            return resume_main(RunStatus::Raised);
        }
        auto* fn = vm.alloc<FunctionObject>(vm.t_function, ObjKind::Function);
        Value fv = Value::steal(fn);
        fn->m_code = code.as<CodeObject>();
        incref(fn->m_code);
        fn->m_globals = globals;
        incref(globals);
        fn->m_name = fn->m_code->m_name;
        fn->m_qualname = fn->m_code->m_qualname;
        fn->m_module = Value::none();
        fn->m_doc = Value::none();
        Frame* f = vm.make_frame(fn, nullptr, 0, nullptr);
        if (!f) return resume_main(RunStatus::Raised);
        RunStatus rs;
        {
            VM::PausableScope pausable(vm);
            rs = vm.run(f, result);
        }
        return resume_main(rs);
    }
    // Phase::loop: drive the loop the top-level code handed over.
    AsyncioState& st = asyncio_state(vm);
    auto* loop = static_cast<aio::EventLoop*>(vm.m_host.loop);
    if (st.host_stop && !loop->in_iteration()) {
        // The loop was stopped: the suspended call returns (or raises) now.
        HostRequest req = std::move(vm.m_host);
        vm.m_host = HostRequest{};
        Value call_result = req.finish(vm);
        req.finish = nullptr;
        Value result;
        RunStatus rs;
        {
            VM::PausableScope pausable(vm);
            rs = vm.resume_host(std::move(call_result), result);
        }
        return resume_main(rs);
    }
    if (one_callback) {
        // Starts an iteration when needed: due timers join (a virtual clock jumps).
        if (loop->run_one_callback()) return m_state = State::ready;
    } else if (loop->in_iteration() || loop->has_ready()) {
        loop->run_once(false);
        return m_state = State::ready;
    }
    double next = loop->next_deadline();
    if (!one_callback && next >= 0 && (loop->clock().is_virtual() || next <= loop->time())) {
        loop->run_once(false);  // due timers join the ready queue (a virtual clock jumps)
        return m_state = State::ready;
    }
    m_wake_at = next >= 0 ? next : std::numeric_limits<double>::infinity();
    return m_state = State::waiting;
}

ScriptProgram::State ScriptProgram::run_for(double budget_ms) {
    using clock = std::chrono::steady_clock;
    auto until = clock::now() + std::chrono::duration<double, std::milli>(budget_ms);
    State s = m_state;
    do {
        s = advance(false);
    } while (s == State::ready && clock::now() < until);
    return s;
}

ScriptProgram::State ScriptProgram::step() { return advance(true); }

void ScriptProgram::stop() {
    if (m_phase == Phase::done) return;
    VM& vm = m_interp->vm();
    {
        VMScope scope(vm);
        vm.abandon_host();
        AsyncioState& st = asyncio_state(vm);
        st.host_loop = Value();
        st.running_loop = Value();
        st.quiet = true;  // a stopped program does not report its pending tasks
    }
    m_status = 1;
    m_phase = Phase::done;
    m_state = State::finished;
    m_interp.reset();
    m_interp = std::make_unique<Interpreter>(m_options.limits);  // an idle interpreter for accessors
}

}  // namespace aio::script
