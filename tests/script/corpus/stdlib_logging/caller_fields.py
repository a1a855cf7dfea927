# A record names its caller: filename, module, lineno and funcName, through
# loggers, adapters, the root conveniences and stacklevel; inside tasks too.
import asyncio
import logging
import sys

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s %(filename)s:%(lineno)d %(module)s.%(funcName)s | %(message)s"))
log = logging.getLogger("app")
log.addHandler(handler)
log.setLevel(logging.DEBUG)
log.propagate = False


def helper():
    log.info("from helper")


def wrapper():
    log.warning("blamed on the caller", stacklevel=2)


def outer():
    wrapper()


helper()
outer()
log.debug("at module level")
adapter = logging.LoggerAdapter(log, {"user": "ann"})
adapter.error("through an adapter")


async def worker(n):
    await asyncio.sleep(0)
    log.info("task %d", n)


async def main():
    await asyncio.gather(worker(1), worker(2))


asyncio.run(main())

brace = logging.StreamHandler(sys.stdout)
brace.setFormatter(logging.Formatter("{funcName}@{lineno} {message}", style="{"))
other = logging.getLogger("other")
other.addHandler(brace)
other.propagate = False


def f():
    other.warning("brace style")


f()
record = log.makeRecord("x", logging.INFO, "/a/b/mod.py", 7, "m", (), None, func="fn")
print(record.filename, record.module, record.lineno, record.funcName, record.pathname)
