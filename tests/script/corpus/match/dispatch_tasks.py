# A worker task dispatching queue messages with match: the shape of many
# asyncio programs once they get past gather.
import asyncio
from dataclasses import dataclass


@dataclass
class Job:
    name: str
    cost: float


async def worker(queue, log):
    while True:
        match await queue.get():
            case Job(name, cost) if cost > 0.05:
                await asyncio.sleep(cost)
                log.append(f"slow {name}")
            case Job(name=name):
                log.append(f"quick {name}")
            case ("resize", int(n)):
                log.append(f"resize to {n}")
            case {"stop": True}:
                log.append("stopping")
                return len(log)
            case unknown:
                log.append(f"ignored {unknown!r}")


async def main():
    queue = asyncio.Queue()
    log = []
    task = asyncio.create_task(worker(queue, log))
    for msg in [Job("a", 0.1), Job("b", 0.0), ("resize", 3), ("resize", "x"), 42, {"stop": True}]:
        await queue.put(msg)
    print(await task, log)
    print(f"{asyncio.get_running_loop().time() >= 0.1}")


asyncio.run(main())
