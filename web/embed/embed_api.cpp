// embed_api.cpp — the headless module for docs pages: the engine and the
// script layer behind a small Embind API, no SDL, no ImGui, no canvas.
//
//   const M = await createAioEmbed();
//   const run = new M.EmbedRun({ clock: 'virtual', filename: 'demo.py' },
//                              { output(stream, text) {...}, event(e) {...} });
//   run.start(source);
//   let s = run.runFor(8);      // { state: 'ready'|'waiting'|'finished', wakeInMs, time, start, ... }
//   ... call again next animation frame (ready) or after wakeInMs (waiting)
//   run.stop(); run.delete();
//
// JavaScript drives the loop (aio-embed.js): each call runs loop iterations
// (EventLoop::run_once through ScriptProgram::run_for) for a wall-time budget
// and returns; when the loop is idle with a future deadline, the caller sets
// one timer for it (EventLoop::next_deadline through wake_at). A task step
// that runs out of its instruction slice is held by the engine and continued
// on the next call, so a script that never awaits is paused between frames.

#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include "aio/clock.hpp"
#include "aio/event_loop.hpp"
#include "aio/observer.hpp"
#include "host/program.hpp"
#include "embed_options.hpp"

namespace {

using aio::script::ScriptProgram;
using emscripten::val;

using aio::web::EmbedClock;
using ClockMode = EmbedClock;

// A nonsense option is the page's bug: `new M.EmbedRun(...)` throws a
// RangeError that names it (embed_options.cpp has the ranges).
[[noreturn]] void throw_range_error(const std::string& msg) { val::global("RangeError").new_(val(msg)).throw_(); }

void check(const std::string& err) {
    if (!err.empty()) throw_range_error(err);
}

// Reads options into EmbedOptions: absent, undefined and null keep the
// default; a number option given as anything but a number is an error.
aio::web::EmbedOptions read_options(const val& options) {
    aio::web::EmbedOptions o;
    if (options.isUndefined() || options.isNull()) return o;
    for (const char* name : {"clock", "filename"}) {
        if (!options.hasOwnProperty(name)) continue;
        val v = options[name];
        if (v.isUndefined() || v.isNull()) continue;
        if (!v.isString()) throw_range_error(std::string(name) + " must be a string");
        check(aio::web::set_string_option(o, name, v.as<std::string>()));
    }
    for (const char* name : {"speed", "sliceInstructions", "maxDepth", "maxMemoryMB", "maxOutputKB"}) {
        if (!options.hasOwnProperty(name)) continue;
        val v = options[name];
        if (v.isUndefined() || v.isNull()) continue;
        if (!v.isNumber()) throw_range_error(std::string(name) + " must be a number");
        check(aio::web::set_number_option(o, name, v.as<double>()));
    }
    return o;
}

// Forwards the loop's task events to a JS callback as plain objects. Only
// installed when the page asked for events: 10,000 tasks make many events.
class EventForwarder final : public aio::Observer {
public:
    explicit EventForwarder(val callback) : m_callback(std::move(callback)) {}
    void on_event(const aio::LoopEvent& e) override {
        val o = val::object();
        o.set("kind", aio::to_string(e.kind));
        o.set("time", e.time);
        o.set("iteration", static_cast<double>(e.iteration));
        if (e.task_id) {
            o.set("task", static_cast<double>(e.task_id));
            o.set("name", std::string(e.task_name));
        }
        if (!e.what.empty()) o.set("what", std::string(e.what));
        if (e.until > 0) o.set("until", e.until);
        m_callback(o);
    }

private:
    val m_callback;
};

class EmbedRun {
public:
    // options: clock ('real' | 'virtual' | 'scaled'), speed (scaled: loop
    // seconds per real second, 0.1 ... 10), filename, argv0, and limits:
    // sliceInstructions, maxDepth, maxMemoryMB, maxOutputKB.
    // callbacks: output(stream, text) with stream 1 (stdout) or 2 (stderr);
    // event({kind, time, task, name, what, until, iteration}) when given.
    EmbedRun(val options, val callbacks) {
        aio::web::EmbedOptions opts = read_options(options);
        m_mode = opts.clock;
        m_speed = opts.speed;
        m_filename = opts.filename;
        if (callbacks.hasOwnProperty("output")) m_output = callbacks["output"];
        if (callbacks.hasOwnProperty("event") && !callbacks["event"].isUndefined())
            m_events = std::make_unique<EventForwarder>(callbacks["event"]);

        aio::script::Limits limits;
        limits.slice_instructions = opts.slice_instructions;
        if (opts.max_depth) limits.max_depth = *opts.max_depth;
        limits.max_memory = opts.max_memory;
        limits.max_output = opts.max_output;

        ScriptProgram::Options o;
        o.limits = limits;
        o.virtual_clock = m_mode == ClockMode::virtual_;
        o.observer = m_events.get();
        o.argv = {m_filename};
        o.write = [this](int stream, std::string_view text) {
            if (!m_output.isUndefined()) m_output(stream, std::string(text));
        };
        m_program = std::make_unique<ScriptProgram>(std::move(o));
    }

    EmbedRun(const EmbedRun&) = delete;
    EmbedRun& operator=(const EmbedRun&) = delete;

    void start(const std::string& source) {
        m_program->start(source, m_filename);
        m_started = true;
    }

    // Runs for about `budget_ms` of wall time, then reports where the run is.
    // One unit at a time (a slice of top-level code or one loop iteration,
    // ScriptProgram::run_for(0)), so a loop the script just made gets its
    // clock before its first iteration and the loop time is seen last thing
    // before the loop closes.
    val run_for(double budget_ms) {
        if (!m_started) return report(ScriptProgram::State::finished);
        double until = emscripten_get_now() + budget_ms;
        ScriptProgram::State s;
        do {
            s = m_program->run_for(0);
            adopt_loop();
        } while (s == ScriptProgram::State::ready && emscripten_get_now() < until);
        return report(s);
    }

    // One unit of work: a slice of top-level code or one loop callback.
    val step() {
        if (!m_started) return report(ScriptProgram::State::finished);
        adopt_loop();
        ScriptProgram::State s = m_program->step();
        adopt_loop();
        return report(s);
    }

    void stop() {
        if (m_started) m_program->stop();
        m_loop = nullptr;
    }

    // Clock switches apply to the running loop at once (loop time carries on
    // from where it is) and to loops the script creates later.
    void set_clock(const std::string& mode, double speed) {
        aio::web::EmbedOptions o;
        check(aio::web::parse_clock(mode, m_mode));
        check(aio::web::set_number_option(o, "speed", speed));
        m_speed = o.speed;
        if (!m_started) return;
        m_program->set_virtual_clock(m_mode == ClockMode::virtual_);
        if (aio::EventLoop* loop = m_program->loop()) install_clock(*loop);
    }

    // Loop time now, or where the last loop stopped once it is gone.
    double time() const {
        aio::EventLoop* loop = m_program->loop();
        return loop ? loop->time() : m_last_time;
    }
    int exit_status() const { return m_program->exit_status(); }
    int current_line() const { return m_program->current_line(); }
    std::string clock() const { return aio::web::clock_name(m_mode); }

private:
    // A loop the script made (asyncio.run makes a new one each call) gets the
    // clock this run asked for; the script layer only knows real and virtual.
    void adopt_loop() {
        aio::EventLoop* loop = m_program->loop();
        if (loop) m_last_time = loop->time();
        if (loop == m_loop) return;
        m_loop = loop;
        if (loop && !m_seen_loop) {
            m_seen_loop = true;
            m_start_time = m_last_time;
        }
        if (loop && m_mode == ClockMode::scaled) install_clock(*loop);
    }

    void install_clock(aio::EventLoop& loop) {
        switch (m_mode) {
        case ClockMode::scaled:
            if (auto* scaled = dynamic_cast<aio::ScaledClock*>(&loop.clock())) {
                scaled->set_factor(m_speed);
            } else {
                loop.set_clock(std::make_unique<aio::ScaledClock>(m_speed));
            }
            break;
        case ClockMode::virtual_:
            if (!loop.clock().is_virtual()) loop.set_clock(std::make_unique<aio::VirtualClock>());
            break;
        case ClockMode::real:
            if (loop.clock().is_virtual() || dynamic_cast<aio::ScaledClock*>(&loop.clock()))
                loop.set_clock(std::make_unique<aio::RealClock>());
            break;
        }
    }

    val report(ScriptProgram::State s) {
        val r = val::object();
        aio::EventLoop* loop = m_program->loop();
        if (loop) m_last_time = loop->time();
        switch (s) {
        case ScriptProgram::State::ready:
            r.set("state", "ready");
            break;
        case ScriptProgram::State::waiting: {
            r.set("state", "waiting");
            // Real milliseconds until the next deadline; Infinity when nothing
            // is scheduled (the script waits on something that never comes).
            double wake = m_program->wake_at();
            double ms = std::numeric_limits<double>::infinity();
            if (loop && std::isfinite(wake)) ms = std::max(0.0, loop->clock().real_delay_until(wake) * 1000.0);
            r.set("wakeInMs", ms);
            break;
        }
        case ScriptProgram::State::finished:
            r.set("state", "finished");
            r.set("exitStatus", m_program->exit_status());
            break;
        }
        r.set("time", m_last_time);
        if (m_seen_loop) r.set("start", m_start_time);  // loop time when the first loop appeared
        if (loop) {
            r.set("iteration", static_cast<double>(loop->iteration()));
            r.set("tasks", static_cast<double>(loop->pending_tasks().size()));
        }
        r.set("line", m_program->current_line());
        return r;
    }

    ClockMode m_mode;
    double m_speed;
    std::string m_filename;
    val m_output = val::undefined();
    std::unique_ptr<EventForwarder> m_events;  // outlives the program's loops
    std::unique_ptr<ScriptProgram> m_program;
    aio::EventLoop* m_loop = nullptr;  // the loop last seen (to give new ones our clock)
    double m_last_time = 0;            // its time when last seen
    double m_start_time = 0;           // loop time when the run's first loop appeared
    bool m_seen_loop = false;
    bool m_started = false;
};

}  // namespace

EMSCRIPTEN_BINDINGS(aio_embed) {
    emscripten::class_<EmbedRun>("EmbedRun")
        .constructor<val, val>()
        .function("start", &EmbedRun::start)
        .function("runFor", &EmbedRun::run_for)
        .function("step", &EmbedRun::step)
        .function("stop", &EmbedRun::stop)
        .function("setClock", &EmbedRun::set_clock)
        .function("time", &EmbedRun::time)
        .function("exitStatus", &EmbedRun::exit_status)
        .function("currentLine", &EmbedRun::current_line)
        .function("clock", &EmbedRun::clock);
}
