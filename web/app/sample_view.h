#pragma once
// A fixed, made-up picture of a loop (a producer, three consumers, a timer
// or two), for looking at the Timeline and Loop inspector without an engine:
// the desktop app's --sample flag and the browser tests' aioTest.loadSample().
// It is a drawing fixture, not a simulation: nothing here runs.

#include "run/runner.h"

namespace aio::web {

void load_sample_view(RunState& state);

// `tasks` lanes of `segments` steps each (sleep, wake, run), for measuring
// what drawing a big loop costs per frame.
void load_stress_view(RunState& state, int tasks, int segments);

}  // namespace aio::web
