# The script's `asyncio` package, split as CPython splits Lib/asyncio. Future,
# Task, the loop and sleep's timers are the C++ engine (`_asyncio`,
# engine/script/asyncio/); what CPython writes in Python on top of futures is
# written in these modules the same way, so ordering follows CPython's
# callbacks exactly. The package exposes every name its parts define.
from asyncio.events import (
    _asyncio, Future, Task, CancelledError, InvalidStateError, Handle,
    TimerHandle, new_event_loop, get_running_loop, _get_running_loop,
    get_event_loop, set_event_loop, current_task, all_tasks, create_task,
    iscoroutine, isfuture, _collections, _heapq, _functools, _sys,
    TimeoutError, QueueEmpty, QueueFull, BrokenBarrierError,
    IncompleteReadError, LimitOverrunError, SendfileNotAvailableError,
    AbstractEventLoop, BaseEventLoop, AbstractEventLoopPolicy,
    DefaultEventLoopPolicy, _policy, get_event_loop_policy,
    set_event_loop_policy, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
    iscoroutinefunction)
from asyncio.runners import (
    _cancel_all_tasks, run, Runner)
from asyncio.tasks import (
    _set_result_unless_cancelled, sleep, _wrap_awaitable, ensure_future,
    wrap_future, _release_waiter, to_thread, _run_in_executor,
    _GatheringFuture, gather, _GATHER_CB, wait, _wait, _cancel_and_wait,
    wait_for, as_completed, shield, async_)
from asyncio.timeouts import (
    Timeout, timeout, timeout_at)
from asyncio.taskgroups import (
    TaskGroup)
from asyncio.locks import (
    _LoopBound, _ContextManagerMixin, _obj_repr, Lock, Event, Condition,
    Semaphore, BoundedSemaphore, Barrier)
from asyncio.queues import (
    Queue, PriorityQueue, LifoQueue)

# Submodule names tutorials use name the package itself.
import sys as _sys
events = _sys.modules[__name__]
tasks = events
futures = events
exceptions = events
queues = events
locks = events
