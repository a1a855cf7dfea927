# ContextVar, Token and Context: the API and its errors.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default=0)
other = contextvars.ContextVar("other")
print(var.name, var.get(), var.get(5), other.get("fallback"))
try:
    other.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__, e.args[0].name)

t1 = var.set(1)
t2 = var.set(2)
print(var.get(), t2.old_value, t1.old_value is contextvars.Token.MISSING, t1.var is var, repr(contextvars.Token.MISSING))
var.reset(t2)
print(var.get())
for bad in [lambda: var.reset(t2), lambda: other.reset(t1), lambda: var.reset("x")]:
    try:
        bad()
    except (RuntimeError, ValueError, TypeError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
var.reset(t1)
print(var.get())

ctx = contextvars.copy_context()
print(type(ctx).__name__, var in ctx, len(ctx))


def inside(x):
    var.set(x)
    other.set(x * 10)
    return var.get() + other.get()


print(ctx.run(inside, 4), var.get(), ctx[var], ctx.get(other), ctx.get(contextvars.ContextVar("z"), "none"))
print(sorted(k.name for k in ctx.keys()), sorted(ctx.values()), len(ctx))
t = ctx.run(var.set, 9)
try:
    var.reset(t)
except ValueError as e:
    print("ValueError", str(e).endswith("was created in a different Context"))


def reenter():
    return ctx.run(lambda: None)


try:
    ctx.run(reenter)
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("cannot enter context:"))
try:
    ctx["key"]
except TypeError as e:
    print("TypeError", str(e).startswith("a ContextVar key was expected"))
try:
    class Sub(contextvars.ContextVar):
        pass
except TypeError as e:
    print("TypeError", e)


# Loop callbacks run in the context current when they were scheduled, or the one given.
async def main():
    loop = asyncio.get_running_loop()
    var.set(100)
    done = asyncio.Event()
    loop.call_soon(lambda: print("call_soon sees", var.get()))
    loop.call_soon(lambda: print("given context sees", var.get()), context=ctx)
    var.set(200)
    loop.call_later(0.01, lambda: (print("call_later sees", var.get()), done.set()))
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("done callback sees", var.get(), f.result()))
    var.set(300)
    fut.set_result("ok")
    await done.wait()
    await asyncio.sleep(0)
    print("main ends with", var.get())


asyncio.run(main())
print("top level keeps", var.get())
