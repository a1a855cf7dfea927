# An async generator with "return value" is a SyntaxError.
import asyncio

async def agen():
    yield 1
    return 2
