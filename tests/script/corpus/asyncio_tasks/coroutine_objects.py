# Calling an async function makes a coroutine object; nothing runs until it is awaited.
import asyncio

async def greet(name):
    print("running greet for", name)
    return f"hi {name}"

async def main():
    c = greet("ann")
    print(type(c).__name__, asyncio.iscoroutine(c), asyncio.iscoroutinefunction(greet))
    print(asyncio.iscoroutinefunction(print), asyncio.iscoroutine(greet))
    print("nothing ran yet")
    print(await c)
    unused = greet("never")
    unused.close()
    print("closed without running")

asyncio.run(main())
