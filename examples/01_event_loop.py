# Creating and running a loop.
# Coroutines only make progress while an event loop runs them. Build and drive a loop yourself
# (new_event_loop, set_event_loop, run_until_complete, close), or let asyncio.run() do it all.
import asyncio


async def boil_kettle(cups):
    loop = asyncio.get_running_loop()
    print("  kettle: loop running?", loop.is_running())
    print("  kettle: heating water for", cups, "cups")
    await asyncio.sleep(0.2)  # hands control back to the loop until the timer fires
    print("  kettle: boiled")
    return cups * 250


print("== the long way: a loop of our own")
# Older tutorials wrote asyncio.get_event_loop().run_until_complete(...) and let asyncio create
# the loop behind their back; newer Pythons deprecate that implicit creation, so we make it.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("loop running?", loop.is_running())
start = loop.time()
ml = loop.run_until_complete(boil_kettle(2))  # runs the loop until the coroutine returns
print("run_until_complete returned", ml)
print("seconds on the loop clock:", f"{loop.time() - start:.1f}")
print("loop running?", loop.is_running())
loop.close()
asyncio.set_event_loop(None)  # forget the closed loop, as asyncio.run does when it finishes
print("loop closed?", loop.is_closed())

print("== the short way: asyncio.run")
# asyncio.run makes a fresh loop, runs this one coroutine to the end, then closes the loop.
ml = asyncio.run(boil_kettle(3))
print("asyncio.run returned", ml)
