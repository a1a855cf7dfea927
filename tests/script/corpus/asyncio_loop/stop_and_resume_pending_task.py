# A task left pending when run_until_complete returns resumes on the next run.
import asyncio

async def background(log):
    for i in range(3):
        log.append(i)
        await asyncio.sleep(0.1)
    return "background done"

async def short():
    await asyncio.sleep(0.15)

loop = asyncio.new_event_loop()
log = []
bg = loop.create_task(background(log))
loop.run_until_complete(short())
print("after first run:", log, bg.done())
print(loop.run_until_complete(bg), log)
loop.close()
