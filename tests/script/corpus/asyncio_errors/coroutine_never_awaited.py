# Calling an async function without awaiting it triggers a RuntimeWarning on stderr.
import asyncio

async def fetch_data():
    return 42

async def main():
    fetch_data()
    print("forgot to await")
    result = await fetch_data()
    print("awaited properly:", result)

asyncio.run(main())
