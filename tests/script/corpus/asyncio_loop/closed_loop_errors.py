# A closed loop refuses work; there is no running loop outside one.
import asyncio

async def noop():
    pass

loop = asyncio.new_event_loop()
loop.close()
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
coro = noop()
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
