# cancelling() counts pending cancel requests; uncancel() decrements it.
import asyncio

async def resilient():
    for attempt in range(3):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            me = asyncio.current_task()
            print("attempt", attempt, "cancelled; cancelling() =", me.cancelling())
            print("uncancel ->", me.uncancel())
    return "survived"

async def main():
    t = asyncio.create_task(resilient())
    for _ in range(2):
        await asyncio.sleep(0.01)
        t.cancel()
    await asyncio.sleep(0.01)
    t.cancel()
    print(await t, t.cancelled())

asyncio.run(main())
