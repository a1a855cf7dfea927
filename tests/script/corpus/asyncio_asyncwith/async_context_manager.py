# __aenter__/__aexit__ may await; the result of __aenter__ binds to "as".
import asyncio

class Connection:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("connecting", self.name)
        await asyncio.sleep(0.01)
        print("connected")
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("closing", self.name, "exc:", exc_type)
        await asyncio.sleep(0)
        print("closed")
        return False
    async def query(self, q):
        await asyncio.sleep(0)
        return f"{self.name}:{q}"

async def main():
    async with Connection("db") as conn:
        print(await conn.query("select"))
    print("after block")

asyncio.run(main())
