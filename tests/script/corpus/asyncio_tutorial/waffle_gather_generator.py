# gather fed from a generator expression, started in argument order.
import asyncio

async def waffle(i):
    print("imma runnin", i)

asyncio.get_event_loop().run_until_complete(
    asyncio.gather(
        *(waffle(i) for i in range(10))
    )
)
