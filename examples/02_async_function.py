# An async function.
# Calling an `async def` function runs nothing: it returns a coroutine object, a paused call.
# The body runs when the object is awaited. A plain function runs the moment you call it.
import asyncio


def weigh_flour(grams):
    print("  weigh_flour: runs as soon as it is called")
    return grams


async def knead(minutes):
    print("  knead: now the body runs, for", minutes, "minutes")
    await asyncio.sleep(0.1)
    return "smooth dough"


async def nothing_to_wait_for():
    pass  # an async function does not need to await anything; it still makes a coroutine


async def main():
    print("calling weigh_flour(500)")
    grams = weigh_flour(500)
    print("got", grams)

    print("calling knead(10)")
    step = knead(10)  # no output: the call only built a coroutine object
    print("got a", type(step).__name__, "object")
    print("awaiting it")
    result = await step  # the body starts here, inside this task, and we wait for its return
    print("await gave back", result)

    print("the usual one-liner:", await knead(5))
    print("an empty async function returns", await nothing_to_wait_for())


# asyncio.run also takes a coroutine object that was made earlier; it starts it on a new loop.
program = main()
print("main() made a", type(program).__name__, "- nothing has run yet")
asyncio.run(program)
