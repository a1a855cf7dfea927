# LifoQueue returns the most recently added item first.
import asyncio

async def main():
    stack = asyncio.LifoQueue()
    for word in ["bottom", "middle", "top"]:
        stack.put_nowait(word)
    print([await stack.get() for _ in range(3)])
    stack.put_nowait(1)
    stack.put_nowait(2)
    print(stack.get_nowait())
    stack.put_nowait(3)
    print(stack.get_nowait(), stack.get_nowait(), stack.empty())

asyncio.run(main())
