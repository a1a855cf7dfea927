# Using a plain context manager with async with (or the reverse) is a TypeError.
import asyncio

class SyncOnly:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False

async def main():
    try:
        async with SyncOnly():
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
    try:
        with asyncio.Lock():
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

asyncio.run(main())
