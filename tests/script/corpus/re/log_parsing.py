# Parsing server log lines with named groups, finditer and a compiled pattern.
import re

LINE = re.compile(
    r"""
    (?P<ip>\d{1,3}(?:\.\d{1,3}){3})   # client address
    \s+-\s+
    \[(?P<when>[^\]]+)\]              # timestamp in brackets
    \s+"(?P<method>GET|POST|PUT)\s+(?P<path>\S+)[^"]*"
    \s+(?P<status>\d{3})
    \s+(?P<size>\d+|-)
    """,
    re.VERBOSE,
)

log = """\
10.0.0.1 - [07/Dec/2026:10:00:01] "GET /index.html HTTP/1.1" 200 512
10.0.0.2 - [07/Dec/2026:10:00:02] "POST /api/jobs HTTP/1.1" 201 -
garbage line here
192.168.1.20 - [07/Dec/2026:10:00:05] "GET /missing HTTP/1.1" 404 0
"""

print(LINE.pattern.count("\n"), LINE.flags & re.VERBOSE == re.VERBOSE, LINE.groups, sorted(LINE.groupindex.items()))
for m in LINE.finditer(log):
    d = m.groupdict()
    print(d["ip"], d["method"], d["path"], int(d["status"]), d["size"], m.span("path"), m.start(), m.end())
    print("  ", m.group(1, "status"), m["when"], m.expand(r"\g<method> \g<path> -> \5"))
statuses = [int(s) for s in re.findall(r'" (\d{3}) ', log)]
print(statuses, re.findall(r"(\d+)\.(\d+)\.\d+\.\d+", log))
print(LINE.match("nothing"), LINE.search(log, 60) is not None, bool(LINE.fullmatch(log.splitlines()[0])))
