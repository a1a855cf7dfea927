# wait() on a set event returns True at once; clear() makes later waits block.
import asyncio

async def main():
    ev = asyncio.Event()
    ev.set()
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())
    try:
        await asyncio.wait_for(ev.wait(), 0.05)
    except asyncio.TimeoutError:
        print("blocked until timeout after clear()")
    asyncio.get_running_loop().call_later(0.05, ev.set)
    print(await ev.wait(), ev.is_set())

asyncio.run(main())
