# A put() blocked on a full queue completes once a get() makes room.
import asyncio

async def main():
    q = asyncio.Queue(1)
    await q.put("a")
    async def late_put():
        print("late put waiting")
        await q.put("b")
        print("late put done")
    t = asyncio.create_task(late_put())
    await asyncio.sleep(0)
    print("got", q.get_nowait(), "full:", q.full())
    await asyncio.sleep(0)
    print("qsize after one iteration:", q.qsize())
    await t
    print("got", await q.get())

asyncio.run(main())
