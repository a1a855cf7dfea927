# __aexit__ sees the exception and may suppress it by returning True.
import asyncio

class Guard:
    def __init__(self, suppress):
        self.suppress = suppress
    async def __aenter__(self):
        return self
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("aexit got", repr(exc))
        return self.suppress

async def main():
    async with Guard(True):
        raise ValueError("suppressed")
    print("continued after suppressed error")
    try:
        async with Guard(False):
            raise KeyError("escapes")
    except KeyError as e:
        print("propagated", repr(e))
    try:
        async with Guard(False) as g1, Guard(True) as g2:
            raise IndexError("inner guard suppresses")
        print("both guards exited")
    except IndexError:
        print("not reached")

asyncio.run(main())
