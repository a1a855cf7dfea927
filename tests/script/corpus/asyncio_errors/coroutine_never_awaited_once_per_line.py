# The warning is shown once per source line, however often it happens there.
import asyncio

async def job(n):
    return n

def schedule_badly():
    for n in range(3):
        job(n)
    job(99)

schedule_badly()
schedule_badly()
print("done")
