# Condition.notify(n) wakes n waiters; notify_all wakes the rest.
import asyncio

async def waiter(name, cond):
    async with cond:
        print(name, "waits")
        await cond.wait()
        print(name, "notified")

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(f"w{i}", cond)) for i in range(4)]
    await asyncio.sleep(0.05)
    async with cond:
        cond.notify(1)
    await asyncio.sleep(0.05)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0.05)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
