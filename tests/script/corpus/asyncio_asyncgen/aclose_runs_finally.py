# aclose() (or breaking out and closing) runs the generator's finally block.
import asyncio

async def stream():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("stream cleanup")

async def main():
    s = stream()
    async for v in s:
        print("got", v)
        if v == 2:
            break
    print("broke out of the loop")
    await s.aclose()
    print("after aclose")
    await s.aclose()
    print("second aclose is a no-op")

asyncio.run(main())
