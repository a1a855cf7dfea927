#pragma once
// The C++ twin's recording: the selected example's compiled-in C++ port
// (examples/, the same programs `aio-examples` runs), run to the end at once.
//
// Those programs call the blocking aio::run / run_until_complete, which a
// page cannot do. So "Run C++" runs the example to the end on a virtual
// clock — instant and deterministic; the example tests check that a virtual
// run prints exactly what a real-time run prints — recording every output
// line with the loop time it was printed at, and the loop's events for the
// timeline (every loop the example makes starts with the recorder as its
// observer: aio::set_default_observer). TwinReplay (run/twin_replay.h) then
// plays it back.
//
// std::cout and std::cerr are captured by swapping their stream buffers for
// the duration of the run (the examples print nowhere else).

#include "aio/observer.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aio::web {

// One thing that happened during the recorded run, at replay time `t`.
struct TwinItem {
    enum class Kind : std::uint8_t { event, out, err };
    Kind kind = Kind::event;
    double t = 0;  // seconds from the start; never decreases (see record_twin)
    // Kind::event: the loop event, strings owned.
    aio::LoopEventKind event = aio::LoopEventKind::callback;
    std::uint64_t task_id = 0;
    std::uint64_t timer_id = 0;
    std::uint64_t iteration = 0;
    double until = 0;  // on the same time line as t; 0 if none
    std::string task_name;
    std::string what;
    // Kind::out / Kind::err: text as written (may hold several lines).
    std::string text;
};

struct TwinRecording {
    std::string example;
    std::vector<TwinItem> items;  // in the order they happened
    int status = 0;               // the example's main() result; 1 if it threw
    double end_time = 0;          // replay time when main() returned
};

// Whether the example has a compiled-in C++ port.
bool twin_available(std::string_view example);
// Runs it to the end on a virtual clock and records it.
TwinRecording record_twin(std::string_view example);

}  // namespace aio::web
