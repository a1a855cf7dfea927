# new_event_loop gives a fresh loop; set_event_loop makes it current.
import asyncio

async def where():
    return asyncio.get_running_loop()

a = asyncio.new_event_loop()
b = asyncio.new_event_loop()
print(a is b)
asyncio.set_event_loop(a)
print(asyncio.get_event_loop() is a)
print(a.run_until_complete(where()) is a, b.run_until_complete(where()) is b)
a.close()
b.close()
print(a.is_closed(), b.is_closed())
asyncio.set_event_loop(None)
