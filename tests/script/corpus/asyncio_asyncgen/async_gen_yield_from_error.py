# "yield from" is not allowed inside async def.
async def agen():
    yield from [1, 2]
