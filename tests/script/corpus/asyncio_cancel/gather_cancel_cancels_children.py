# Cancelling the gather future cancels every child still running.
import asyncio

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "completed")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    g = asyncio.gather(child("fast", 0.01), child("slow1", 1), child("slow2", 1))
    await asyncio.sleep(0.08)
    print("cancel gather:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError")
    print(g.cancelled())

asyncio.run(main())
