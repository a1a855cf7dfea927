# Each task runs in a copy of the context it was created in: a value set in
# one task is invisible to its siblings and to its parent, as in CPython.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
user = contextvars.ContextVar("user")


def log(msg):
    print(f"[{request_id.get()}] {user.get('anonymous')}: {msg}")


async def handle(n):
    request_id.set(f"req-{n}")
    log("start")
    await asyncio.sleep(0.01 * (3 - n))
    user.set(f"user{n}")
    log("after sleep")
    await asyncio.sleep(0)
    return request_id.get()


async def child_sees_parent():
    log("child inherits")
    request_id.set("child")
    log("child changed its copy")


async def main():
    log("main before")
    user.set("admin")
    results = await asyncio.gather(handle(1), handle(2), handle(3))
    print(results)
    log("main after gather: untouched")
    request_id.set("main")
    await asyncio.create_task(child_sees_parent())
    log("main after child: untouched")
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "in-ctx")
    task = asyncio.create_task(child_sees_parent(), context=ctx)
    await task
    print(ctx[request_id], request_id.get(), len(ctx), user in ctx, sorted(v.name for v in ctx))


asyncio.run(main())
log("outside asyncio.run")
