# run_forever runs until stop(); stop lets the current iteration finish.
import asyncio

loop = asyncio.new_event_loop()

def step(n):
    print("step", n)
    if n == 2:
        loop.stop()
        print("stop requested")
    loop.call_soon(step, n + 1)

loop.call_soon(step, 0)
loop.run_forever()
print("run_forever returned; running:", loop.is_running())
loop.call_soon(print, "queued after the second start")
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
