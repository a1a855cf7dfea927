# call_later takes a delay, call_at an absolute loop time.
import asyncio

def tenths(seconds):
    # Whole tenths of a second: a wakeup that is a little late prints the same.
    return int(seconds * 10 + 1e-6) / 10

loop = asyncio.new_event_loop()
t0 = loop.time()

def report(label):
    print(label, tenths(loop.time() - t0))

loop.call_later(0.2, report, "call_later 0.2")
loop.call_at(t0 + 0.1, report, "call_at t0+0.1")
loop.call_later(0.3, loop.stop)
h = loop.call_later(0.25, report, "cancelled timer")
print(type(h).__name__, h.when() > t0)
h.cancel()
loop.run_forever()
print("elapsed", tenths(loop.time() - t0))
loop.close()
