# Code inside a timed-out block sees CancelledError, so finally blocks run.
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("inner sees CancelledError")
                raise
            finally:
                print("inner finally")
    except TimeoutError as e:
        print("outer sees", type(e).__name__, "caused by", type(e.__cause__).__name__)

asyncio.run(main())
