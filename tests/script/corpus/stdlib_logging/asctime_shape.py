import io
import logging

buf = io.StringIO()
logging.basicConfig(stream=buf, format="%(asctime)s %(levelname)s %(message)s", level="INFO")
logging.info("hello")
line = buf.getvalue()
stamp, rest = line[:23], line[24:]
print(len(stamp), stamp[4], stamp[7], stamp[10], stamp[13], stamp[16], stamp[19], repr(rest))
buf2 = io.StringIO()
h = logging.StreamHandler(buf2)
h.setFormatter(logging.Formatter("[%(asctime)s] %(message)s", datefmt="%Y"))
logging.getLogger("d").addHandler(h)
logging.getLogger("d").warning("dated")
print(len(buf2.getvalue().split("]")[0]), buf2.getvalue().split("] ")[1], end="")
r = logging.LogRecord("n", logging.INFO, "p", 1, "m %s", ("x",), None)
print(r.getMessage(), r.levelname, r.relativeCreated >= 0, isinstance(r.created, float))
