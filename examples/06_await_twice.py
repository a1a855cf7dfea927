# A Task awaited twice vs a coroutine awaited twice.
# A Task runs once and keeps its outcome, so every await gets the same result. A coroutine
# object is used up by its first await; a second await raises RuntimeError.
import asyncio


async def bake(loaf):
    print("  baking", loaf)
    await asyncio.sleep(0.1)
    return f"{loaf} loaf"


async def main():
    print("== a Task")
    task = asyncio.create_task(bake("rye"))
    print("done before await?", task.done())
    print("first await:", await task)
    print("second await:", await task)  # already done: returns at once, no second bake
    print("done after await?", task.done(), "- result():", task.result())

    print("== a coroutine object")
    coro = bake("spelt")
    print("first await:", await coro)
    try:
        print("second await:", await coro)
    except RuntimeError as err:
        # The coroutine finished; there is no stored result to hand out again.
        print("second await raised RuntimeError:", err)


asyncio.run(main())
