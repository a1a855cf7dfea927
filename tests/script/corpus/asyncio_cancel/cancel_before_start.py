# A task cancelled before its first step never runs its body.
import asyncio

async def body():
    print("this never prints")

async def main():
    t = asyncio.create_task(body())
    t.cancel()
    print("cancelled requested; done yet?", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting raised CancelledError")
    print(t.cancelled())

asyncio.run(main())
