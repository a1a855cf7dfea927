import logging, sys
logging.warning("root %s", "warn")
logging.info("hidden")
log = logging.getLogger("app.db")
log.error("db error %d", 42)
logging.basicConfig(level=logging.DEBUG, format="%(levelname)-8s|%(name)s|%(message)s", stream=sys.stdout, force=True)
app = logging.getLogger("app")
print(log.parent is app, app.parent is logging.root, log.getEffectiveLevel(), repr(app), repr(logging.root))
log.debug("debug %s", {"k": 1})
log.info("dict %(a)s", {"a": "mapped"})
app.setLevel("WARNING")
log.info("suppressed")
log.warning("shown")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("{name}:{levelname}:{message}", style="{"))
log.addHandler(h)
log.propagate = False
log.critical("only mine")
log.propagate = True
log.removeHandler(h)
try:
    1 / 0
except ZeroDivisionError:
    log.exception("boom")
lib = logging.getLogger("lib")
lib.addHandler(logging.NullHandler())
lib.propagate = False
lib.error("nothing")
adapter = logging.LoggerAdapter(logging.getLogger("ad"), {"user": "u1"})
f = logging.Formatter("%(user)s %(message)s")
h2 = logging.StreamHandler(sys.stdout); h2.setFormatter(f)
adapter.logger.addHandler(h2); adapter.logger.propagate = False
adapter.warning("adapted %s", 1)
print(logging.getLevelName(10), logging.getLevelName("INFO"), logging.getLevelName(5))
try: app.setLevel("LOUD")
except ValueError as e: print(e)
logging.log(logging.ERROR, "via log")
logging.disable(logging.ERROR)
logging.error("disabled")
logging.disable(logging.NOTSET)
logging.getLogger("x.y").warning("%s-%s", "two", "args")
