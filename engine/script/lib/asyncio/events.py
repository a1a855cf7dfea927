# asyncio.events (with futures' and exceptions' names): what the C++ engine
# provides (_asyncio: Future, Task, the loop), the exceptions written in
# Python, the policy and the constants.
import _asyncio
from _asyncio import (Future, Task, CancelledError, InvalidStateError, Handle, TimerHandle,
                      new_event_loop, get_running_loop, _get_running_loop, get_event_loop,
                      set_event_loop, current_task, all_tasks, create_task, iscoroutine, isfuture)
import collections as _collections
import heapq as _heapq
import functools as _functools
import sys as _sys

TimeoutError = TimeoutError

class QueueEmpty(Exception):
    __module__ = 'asyncio.queues'

class QueueFull(Exception):
    __module__ = 'asyncio.queues'

class BrokenBarrierError(RuntimeError):
    __module__ = 'asyncio.exceptions'

class IncompleteReadError(EOFError):
    __module__ = 'asyncio.exceptions'
    def __init__(self, partial, expected):
        super().__init__(f'{len(partial)} bytes read on a total of {expected!r} expected bytes')
        self.partial = partial
        self.expected = expected

class LimitOverrunError(Exception):
    __module__ = 'asyncio.exceptions'
    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

class SendfileNotAvailableError(RuntimeError):
    __module__ = 'asyncio.exceptions'

AbstractEventLoop = _asyncio._Loop
BaseEventLoop = _asyncio._Loop

class AbstractEventLoopPolicy:
    __module__ = 'asyncio.events'

class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """The one policy: loops are engine loops on the run's clock."""
    __module__ = 'asyncio.unix_events'
    def get_event_loop(self):
        return get_event_loop()
    def set_event_loop(self, loop):
        set_event_loop(loop)
    def new_event_loop(self):
        return new_event_loop()

_policy = None

def get_event_loop_policy():
    global _policy
    if _policy is None:
        _policy = DefaultEventLoopPolicy()
    return _policy

def set_event_loop_policy(policy):
    global _policy
    _policy = policy

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

def iscoroutinefunction(func):
    while isinstance(func, _functools.partial):
        func = func.func
    func = getattr(func, '__func__', func)
    code = getattr(func, '__code__', None)
    return code is not None and bool(code.co_flags & 0x80)  # CO_COROUTINE
