# Calling task_done() more often than items were put is an error.
import asyncio

async def main():
    q = asyncio.Queue()
    q.put_nowait(1)
    q.get_nowait()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    await q.join()
    print("join returns at once when nothing is unfinished")

asyncio.run(main())
