# repr of futures in their states.
import asyncio

def cb(f):
    pass

async def main():
    loop = asyncio.get_running_loop()
    a = loop.create_future()
    print(a)
    a.add_done_callback(cb)
    print(a)
    a.set_result([1, 2])
    print(a)
    b = loop.create_future()
    b.set_exception(RuntimeError("x"))
    print(b)
    b.exception()
    c = loop.create_future()
    c.cancel()
    print(c)
    await asyncio.sleep(0)

asyncio.run(main())
