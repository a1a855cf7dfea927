#pragma once
// The one portability header: g++ 12 and newer Emscripten ship <coroutine>;
// Emscripten 3.1.6's libc++ only has <experimental/coroutine>. Everything in
// the engine spells coroutine types through aio::stdcoro.

#if __has_include(<coroutine>)
#include <coroutine>
namespace aio::stdcoro {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace aio::stdcoro
#elif __has_include(<experimental/coroutine>)
#include <experimental/coroutine>
namespace aio::stdcoro {
using std::experimental::coroutine_handle;
using std::experimental::noop_coroutine;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace aio::stdcoro
#else
#error "aio needs C++20 coroutines (<coroutine> or <experimental/coroutine>)"
#endif
