# One loop iteration runs only the callbacks that were ready when it began;
# callbacks scheduled during the iteration wait for the next one.
import asyncio

def chain(loop, name, n):
    print(f"{name}{n}")
    if n < 2:
        loop.call_soon(chain, loop, name, n + 1)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(chain, loop, "a", 0)
    loop.call_soon(chain, loop, "b", 0)
    loop.call_soon(chain, loop, "c", 0)
    for _ in range(4):
        await asyncio.sleep(0)
    print("done")

asyncio.run(main())
