# yield from delegates iteration, send() and the return value.
def inner():
    x = yield "inner-1"
    print("inner got", x)
    yield "inner-2"
    return "inner done"
def outer():
    yield "outer-start"
    result = yield from inner()
    yield result
    yield from range(2)
    yield from "ab"
g = outer()
print(next(g), next(g), g.send("hello"), next(g), list(g))
