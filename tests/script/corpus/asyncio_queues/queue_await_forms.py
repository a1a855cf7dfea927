# Every way of awaiting put()/get(): bound, unbound, keyword, through a
# variable, on a subclass overriding _put, on a full and an empty queue;
# the counters and the join() event follow each item.
import asyncio

class Doubling(asyncio.Queue):
    def _put(self, item):
        super()._put(item * 2)

async def main():
    q = asyncio.Queue(maxsize=2)
    await q.put(1)
    await asyncio.Queue.put(q, 2)
    print(q.qsize(), q.full(), q._unfinished_tasks, q._finished.is_set())
    got = [await q.get(), await asyncio.Queue.get(q)]
    print(got, q.empty())
    await q.put(item=3)
    put = q.put
    await put(4)
    print(await q.get() + await q.get())
    q.task_done(); q.task_done(); q.task_done(); q.task_done()
    print(q._unfinished_tasks, q._finished.is_set())

    d = Doubling()
    for i in range(3):
        await d.put(i)
    print([await d.get() for _ in range(3)])

    order = []
    async def producer():
        for i in range(5):
            await q.put(i)
            order.append(("put", i))
    async def consumer():
        total = 0
        for _ in range(5):
            item = await q.get()
            order.append(("got", item))
            total += item
            q.task_done()
        return total
    _, total = await asyncio.gather(producer(), consumer())
    print(total, order)
    await q.join()
    print("joined", q._unfinished_tasks)

    try:
        await q.put()
    except TypeError as e:
        print("TypeError:", e)
    op = q.get()
    print(type(op).__name__, asyncio.iscoroutine(op))
    op.close()

asyncio.run(main())
