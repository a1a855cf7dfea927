# run_until_complete runs the loop until the awaitable is done and returns its result.
import asyncio

async def compute(x):
    await asyncio.sleep(0.01)
    return x * 3

loop = asyncio.new_event_loop()
print(loop.run_until_complete(compute(4)))
fut = loop.create_future()
loop.call_later(0.01, fut.set_result, "set by a timer")
print(loop.run_until_complete(fut))
task = loop.create_task(compute(5))
print(loop.run_until_complete(task), task.done())
loop.close()
print(loop.is_closed())
