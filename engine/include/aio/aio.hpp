#pragma once
// The whole engine: asyncio's concepts under asyncio's names.

#include "aio/clock.hpp"
#include "aio/coroutine.hpp"
#include "aio/event_loop.hpp"
#include "aio/exceptions.hpp"
#include "aio/future.hpp"
#include "aio/handle.hpp"
#include "aio/observer.hpp"
#include "aio/runners.hpp"
#include "aio/sleep.hpp"
#include "aio/task.hpp"
