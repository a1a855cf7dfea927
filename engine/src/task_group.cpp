// asyncio.TaskGroup (CPython 3.11 Lib/asyncio/taskgroups.py).

#include "aio/task_group.hpp"

namespace aio {

TaskGroup::~TaskGroup() {
    // Only when the group's frame is freed early (a closing loop): the tasks
    // must not call back into a group that is gone.
    for (auto& e : m_tasks) e.callback->detach();
}

std::string TaskGroup::repr() const {
    std::string info;
    if (!m_tasks.empty()) info += " tasks=" + std::to_string(m_tasks.size());
    if (!m_errors.empty()) info += " errors=" + std::to_string(m_errors.size());
    if (m_aborting) {
        info += " cancelling";
    } else if (m_entered) {
        info += " entered";
    }
    return "<TaskGroup" + info + ">";
}

void TaskGroup::enter() {
    if (m_entered) throw RuntimeError("TaskGroup " + repr() + " has already been entered");
    if (!m_loop) m_loop = &get_running_loop();
    detail::TaskCore* parent = m_loop->current_task();
    if (!parent) throw RuntimeError("TaskGroup " + repr() + " cannot determine the parent task");
    m_parent_task = detail::Ref<detail::TaskCore>(parent);
    m_entered = true;
}

void TaskGroup::check_can_create() const {
    if (!m_entered) throw RuntimeError("TaskGroup " + repr() + " has not been entered");
    if (m_exiting && m_tasks.empty()) throw RuntimeError("TaskGroup " + repr() + " is finished");
    if (m_aborting) throw RuntimeError("TaskGroup " + repr() + " is shutting down");
}

void TaskGroup::track(detail::TaskCore& task) {
    auto it = m_tasks.insert(m_tasks.end(), Entry{detail::Ref<detail::TaskCore>(&task), {}});
    it->callback = detail::add_done_callback(task, [this, it](detail::FutureCore&) { on_task_done(it); });
}

void TaskGroup::abort() {
    m_aborting = true;
    for (auto& e : m_tasks)
        if (!e.task->done()) e.task->cancel();
}

void TaskGroup::on_task_done(Tasks::iterator entry) {
    detail::Ref<detail::TaskCore> task = entry->task;
    m_tasks.erase(entry);  // the running callback is kept alive by the ready queue

    if (m_on_completed_fut && m_tasks.empty() && !m_on_completed_fut->done()) m_on_completed_fut->set_result();

    if (task->cancelled()) return;
    std::exception_ptr exc = task->exception();
    if (!exc) return;
    m_errors.push_back(exc);

    if (m_parent_task->done()) {
        // Not sure if this case is possible, but CPython handles it anyway.
        m_loop->call_exception_handler({"Task " + task->repr() + " has errored out but its parent task " +
                                            m_parent_task->repr() + " is already completed",
                                        exc, "task: " + task->repr()});
        return;
    }
    if (!m_aborting && !m_parent_cancel_requested) {
        // Cancel the block too, so that whatever it awaits now is interrupted;
        // exit() takes that cancellation back (uncancel) later.
        abort();
        m_parent_cancel_requested = true;
        m_parent_task->cancel();
    }
}

Coroutine<> TaskGroup::exit(std::exception_ptr exc) {
    m_exiting = true;
    const bool et_cancelled = detail::is_cancelled_error(exc);
    std::exception_ptr propagate_cancellation_error = et_cancelled ? exc : nullptr;
    if (m_parent_cancel_requested) {
        // If this flag is set we *must* call uncancel(); with no cancellations
        // left, the CancelledError was ours and does not propagate.
        if (m_parent_task->uncancel() == 0) propagate_cancellation_error = nullptr;
    }
    // The block failed, or the parent is being cancelled: stop the tasks.
    if (exc && !m_aborting) abort();

    // A loop, because the wait can be cancelled several times if the parent
    // task is cancelled repeatedly.
    while (!m_tasks.empty()) {
        if (!m_on_completed_fut) m_on_completed_fut.emplace(*m_loop);
        std::exception_ptr cancelled;
        try {
            co_await *m_on_completed_fut;
        } catch (const CancelledError&) {
            cancelled = std::current_exception();
        }
        if (cancelled && !m_aborting) {
            // The parent task is cancelled while tasks still run.
            propagate_cancellation_error = cancelled;
            abort();
        }
        m_on_completed_fut.reset();
    }

    // CancelledError propagates unless there are errors, which have priority.
    if (propagate_cancellation_error && m_errors.empty()) std::rethrow_exception(propagate_cancellation_error);
    if (exc && !et_cancelled) m_errors.push_back(exc);
    if (!m_errors.empty()) {
        std::vector<std::exception_ptr> errors = std::move(m_errors);
        m_errors.clear();
        throw ExceptionGroup("unhandled errors in a TaskGroup", std::move(errors));
    }
}

}  // namespace aio
