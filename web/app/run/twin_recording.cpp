// The C++ twin's recording: an example run on a virtual clock (run/twin_recording.h).

#include "run/twin_recording.h"

#include "aio/event_loop.hpp"
#include "aio/exceptions.hpp"
#include "example_table.hpp"

#include <exception>
#include <iostream>
#include <streambuf>

namespace aio::web {

namespace {

// Collects events and output on one time line. Each loop the example makes
// has its own virtual clock starting at 0 (01_event_loop makes two), so a
// time that goes backwards means a new loop: it is shifted to continue where
// the last one left off, and the replay never runs backwards.
class TwinRecorder final : public aio::Observer {
public:
    explicit TwinRecorder(std::vector<TwinItem>& items) : m_items(items) {}

    void on_event(const aio::LoopEvent& e) override {
        TwinItem it;
        it.kind = TwinItem::Kind::event;
        it.t = on_time_line(e.time);
        it.event = e.kind;
        it.task_id = e.task_id;
        it.timer_id = e.timer_id;
        it.iteration = e.iteration;
        it.until = e.until > 0 ? e.until + m_offset : 0;
        it.task_name = std::string(e.task_name);
        it.what = std::string(e.what);
        m_items.push_back(std::move(it));
    }

    void output(TwinItem::Kind kind, std::string_view text) {
        double t = m_last;
        try {
            t = on_time_line(aio::get_running_loop().time());
        } catch (const aio::RuntimeError&) {
            // Printed outside any running loop: at the last time seen.
        }
        if (!m_items.empty() && m_items.back().kind == kind && m_items.back().t == t) {
            m_items.back().text.append(text);
            return;
        }
        TwinItem it;
        it.kind = kind;
        it.t = t;
        it.text = std::string(text);
        m_items.push_back(std::move(it));
    }

    double last() const { return m_last; }

private:
    double on_time_line(double loop_time) {
        double t = loop_time + m_offset;
        if (t < m_last) {
            m_offset += m_last - t;
            t = m_last;
        }
        m_last = t;
        return t;
    }

    std::vector<TwinItem>& m_items;
    double m_offset = 0;  // added to the current loop's time
    double m_last = 0;    // latest time on the line
};

// A stream buffer without a buffer: every write reaches the recorder at once,
// stamped with the loop time of that moment.
class CaptureBuf final : public std::streambuf {
public:
    CaptureBuf(TwinRecorder& rec, TwinItem::Kind kind) : m_rec(rec), m_kind(kind) {}

protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        char ch = traits_type::to_char_type(c);
        m_rec.output(m_kind, std::string_view(&ch, 1));
        return c;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        m_rec.output(m_kind, std::string_view(s, static_cast<size_t>(n)));
        return n;
    }

private:
    TwinRecorder& m_rec;
    TwinItem::Kind m_kind;
};

// Puts the streams back however the example ends.
struct StreamSwap {
    std::ostream& stream;
    std::streambuf* saved;
    StreamSwap(std::ostream& s, std::streambuf* with) : stream(s), saved(s.rdbuf(with)) {}
    ~StreamSwap() { stream.rdbuf(saved); }
};

}  // namespace

bool twin_available(std::string_view example) { return aio_examples::find_example(example) != nullptr; }

TwinRecording record_twin(std::string_view name) {
    TwinRecording rec;
    rec.example = std::string(name);
    TwinRecorder recorder(rec.items);
    const aio_examples::Example* ex = aio_examples::find_example(name);
    if (!ex) {
        recorder.output(TwinItem::Kind::err, "no compiled-in C++ port of " + std::string(name) + "\n");
        rec.status = 1;
        return rec;
    }
    // Every loop the example makes (aio::run, new_event_loop, get_event_loop)
    // gets the default clock: virtual for the recording.
    aio::ClockKind saved_clock = aio::default_clock_kind();
    aio::set_default_clock(aio::ClockKind::virtual_);
    aio::set_default_observer(&recorder);
    {
        CaptureBuf out(recorder, TwinItem::Kind::out), err(recorder, TwinItem::Kind::err);
        StreamSwap swap_out(std::cout, &out), swap_err(std::cerr, &err);
        try {
            rec.status = ex->main();
        } catch (...) {
            std::cerr << rec.example << " raised " << aio::describe_exception(std::current_exception()) << "\n";
            rec.status = 1;
        }
        std::cout.flush();
        std::cerr.flush();
    }
    aio::set_default_observer(nullptr);
    aio::set_default_clock(saved_clock);
    aio::set_event_loop(nullptr);  // examples 01 and 09 install loops of their own
    rec.end_time = recorder.last();
    return rec;
}

}  // namespace aio::web
