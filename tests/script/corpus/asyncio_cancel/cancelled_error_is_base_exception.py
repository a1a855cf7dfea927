# CancelledError is a BaseException, so "except Exception" lets it through.
import asyncio

async def guarded():
    try:
        await asyncio.sleep(1)
    except Exception:
        print("not reached")
    finally:
        print("finally runs")

async def main():
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
    t = asyncio.create_task(guarded())
    await asyncio.sleep(0)
    t.cancel()
    results = await asyncio.gather(t, return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
