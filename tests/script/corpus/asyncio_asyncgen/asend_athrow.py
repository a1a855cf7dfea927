# asend delivers a value to the paused yield; athrow raises inside the generator.
import asyncio

async def accumulator():
    total = 0
    while True:
        try:
            value = yield total
        except ValueError as e:
            print("generator handled", repr(e))
            total = 0
            continue
        total += value

async def main():
    acc = accumulator()
    print(await acc.asend(None))
    print(await acc.asend(5))
    print(await acc.asend(10))
    print(await acc.athrow(ValueError("reset")))
    print(await acc.asend(1))
    await acc.aclose()
    try:
        await acc.asend(1)
    except StopAsyncIteration:
        print("closed generator raises StopAsyncIteration")

asyncio.run(main())
