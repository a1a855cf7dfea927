# A task left pending when run_until_complete returns resumes on the next run.
import asyncio

async def background(log):
    for i in range(4):
        log.append(i)
        await asyncio.sleep(0.05)
    return "background done"

async def short():
    await asyncio.sleep(0.07)

loop = asyncio.new_event_loop()
log = []
bg = loop.create_task(background(log))
loop.run_until_complete(short())
print("after first run:", log, bg.done())
print(loop.run_until_complete(bg), log)
loop.close()
