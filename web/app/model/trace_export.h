#pragma once
// Exports the timeline as Chrome trace-event JSON, the format Perfetto and
// chrome://tracing open: one thread per task, one complete event ("X") per
// state segment, an instant event for each task's outcome.

#include "aio/detail/json_string.hpp"
#include "loop_view.h"

#include <string>

namespace aio::web {

std::string to_chrome_trace(const LoopView& view);

// JSON string escaping, shared with aio-py --trace (engine/include/aio/detail).
using aio::detail::append_json_string;

}  // namespace aio::web
