# A generator's return value travels in StopIteration.value and out of yield from.
def gen():
    yield 1
    return "result"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value)
def delegator():
    r = yield from gen()
    print("delegate returned", r)
    yield 2
print(list(delegator()))
