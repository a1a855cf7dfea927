# Two tasks hand control back and forth through events.
import asyncio

async def player(name, my_turn, other_turn, rounds):
    for i in range(rounds):
        await my_turn.wait()
        my_turn.clear()
        print(name, i)
        other_turn.set()

async def main():
    ping, pong = asyncio.Event(), asyncio.Event()
    ping.set()
    await asyncio.gather(player("ping", ping, pong, 3), player("pong", pong, ping, 3))
    print("rally over")

asyncio.run(main())
