# Parameters after * or *args are keyword-only.
def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"
print(connect("example", port=443, secure=True))
print(connect("example"))
try:
    connect("example", 443)
except TypeError as e:
    print(e)
def log(*parts, sep=" "):
    return sep.join(parts)
print(log("a", "b"), log("a", "b", sep="-"))
def need(*, key):
    return key
try:
    need()
except TypeError as e:
    print(e)
