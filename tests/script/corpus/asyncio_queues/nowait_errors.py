# put_nowait/get_nowait raise QueueFull/QueueEmpty instead of waiting.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    q.put_nowait("only")
    print(q.full(), q.qsize())
    try:
        q.put_nowait("overflow")
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))
    print(q.get_nowait(), q.empty())
    unbounded = asyncio.Queue()
    for i in range(100):
        unbounded.put_nowait(i)
    print(unbounded.full(), unbounded.qsize(), unbounded.maxsize)

asyncio.run(main())
