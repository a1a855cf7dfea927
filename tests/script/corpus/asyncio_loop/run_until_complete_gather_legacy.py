# gather() called before the loop runs, then fired by run_until_complete(gather()).
import asyncio

async def waffle(i):
    print("imma runnin", i)

loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.gather(waffle(2), waffle(3)))
asyncio.gather(waffle(7))
asyncio.gather(waffle(8))
asyncio.gather(waffle(9))
print("queued three jobs")
asyncio.get_event_loop().run_until_complete(asyncio.gather())
print("fired")
