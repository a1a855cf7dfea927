# send() resumes a generator and delivers a value to its yield expression.
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
g = averager()
print(next(g))
print(g.send(10), g.send(20), g.send(0))
g2 = averager()
try:
    g2.send(5)
except TypeError as e:
    print(e)
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo()
print(e.send(None), e.send("a"), next(e))
