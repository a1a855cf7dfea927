# Event.set() wakes every waiter, in the order they started waiting.
import asyncio

async def waiter(name, ev):
    print(name, "waiting")
    await ev.wait()
    print(name, "woke up")

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, ev)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0.01)
    print("is_set before:", ev.is_set())
    ev.set()
    print("set; is_set:", ev.is_set())
    await asyncio.gather(*tasks)

asyncio.run(main())
