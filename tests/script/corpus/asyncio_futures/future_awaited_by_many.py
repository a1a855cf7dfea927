# Many tasks can await one future; all wake when it completes, in waiting order.
import asyncio

async def waiter(name, fut):
    value = await fut
    print(name, "got", value)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    tasks = [asyncio.create_task(waiter(f"t{i}", fut)) for i in range(3)]
    await asyncio.sleep(0)
    fut.set_result("shared")
    print("result set")
    await asyncio.gather(*tasks)

asyncio.run(main())
