#include "run/run_state.h"

namespace aio::web {

const char* to_string(RunStatus s) {
    switch (s) {
    case RunStatus::idle:
        return "idle";
    case RunStatus::running:
        return "running";
    case RunStatus::paused:
        return "paused";
    case RunStatus::finished:
        return "finished";
    case RunStatus::failed:
        return "failed";
    case RunStatus::stopped:
        return "stopped";
    }
    return "?";
}

}  // namespace aio::web
