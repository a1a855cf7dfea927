# gather accepts tasks and coroutines; tasks created earlier start first.
import asyncio

async def say(word):
    print("say", word)
    await asyncio.sleep(0)
    return word

async def main():
    early = asyncio.create_task(say("early task"))
    results = await asyncio.gather(say("coro 1"), early, say("coro 2"))
    print(results)
    print(await asyncio.gather())

asyncio.run(main())
