// trace.hpp — the loop's events as Chrome trace-event JSON (`aio-py --trace`).
//
// One thread per task (named after it), a complete event ("X") for each
// step, instants for creation, outcomes and timers; loop-level events go on
// thread 0. Perfetto and chrome://tracing open the file as is.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "aio/observer.hpp"

namespace aio::script {

class TraceWriter : public aio::Observer {
public:
    void on_event(const aio::LoopEvent& e) override;
    std::string json() const;

private:
    struct Open {
        double start = 0;  // loop seconds
        bool open = false;
    };
    void add(const std::string& event);
    std::vector<std::string> m_events;
    std::unordered_map<uint64_t, Open> m_steps;
    std::unordered_map<uint64_t, bool> m_named;
};

}  // namespace aio::script
