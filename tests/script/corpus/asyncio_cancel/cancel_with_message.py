# cancel(msg) delivers the message in the CancelledError, inside and outside.
import asyncio

async def waiter():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inside:", repr(e), e.args)
        raise

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("cancel returned", t.cancel("shutting down"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("outside:", repr(e))
    print(t.cancelled(), t.done())

asyncio.run(main())
