# The canonical first example: asyncio.run(main()).
import asyncio

async def main():
    print("Hello ...")
    await asyncio.sleep(0.1)
    print("World!")

routine = main()
print(type(routine).__name__)
asyncio.run(routine)
