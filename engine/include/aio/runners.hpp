#pragma once
// asyncio.run and asyncio.Runner: make a loop, run a main coroutine to the
// end, then cancel what is left, let it clean up, and close the loop.

#include <memory>

#include "aio/clock.hpp"
#include "aio/event_loop.hpp"
#include "aio/task.hpp"

namespace aio {

class Runner {
public:
    explicit Runner(std::unique_ptr<Clock> clock = make_default_clock());
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;
    ~Runner() { close(); }

    template <class T>
    T run(Coroutine<T> main, std::string name = {}) {
        check_runnable();
        return run_until_complete(*m_loop, create_task(*m_loop, std::move(main), std::move(name)));
    }
    EventLoop& get_loop() { return *m_loop; }
    // Cancel remaining tasks, run them to completion, close the loop.
    void close();

private:
    void check_runnable() const;
    std::unique_ptr<EventLoop> m_loop;
};

// asyncio.run(main()): the usual entry point of a program.
template <class T>
T run(Coroutine<T> main, std::unique_ptr<Clock> clock = make_default_clock()) {
    Runner runner(std::move(clock));
    return runner.run(std::move(main));
}

}  // namespace aio
