# Callbacks take positional arguments; functools.partial supplies keywords.
import asyncio
from functools import partial

def show(a, b, *, sep=" "):
    print(a, b, sep=sep)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(show, "positional", "args")
    loop.call_soon(partial(show, "with", "keyword", sep=" <-> "))
    loop.call_later(0.01, partial(show, sep="|"), "timer", "partial")
    await asyncio.sleep(0.1)

asyncio.run(main())
