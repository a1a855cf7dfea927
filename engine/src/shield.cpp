// asyncio.shield: two done callbacks (CPython 3.11: _inner_done_callback,
// _outer_done_callback).

#include "aio/shield.hpp"

namespace aio::detail {

void shield_link(FutureCore& inner, bool own, FutureCore& outer_core, void (*copy)(FutureCore&, FutureCore&, bool)) {
    // The inner callback keeps outer alive while inner runs (its closure does
    // in CPython); the outer callback only needs the inner callback, to take
    // it off inner, so no cycle survives either future finishing.
    Ref<FutureCore> outer(&outer_core);
    Ref<DoneCallback> inner_cb = add_done_callback(inner, [outer, own, copy](FutureCore& inner) {
        if (outer->cancelled()) {
            if (!inner.cancelled()) inner.exception();  // mark inner's result as retrieved
            return;
        }
        if (inner.cancelled()) {
            outer->cancel();
        } else if (std::exception_ptr exc = inner.exception()) {
            outer->set_exception(exc);
        } else {
            copy(inner, *outer, own);
        }
    });
    add_done_callback(outer_core, [inner_cb](FutureCore&) {
        inner_cb->remove();  // if not inner.done(): inner.remove_done_callback(...)
    });
}

}  // namespace aio::detail
