# close() raises GeneratorExit at the paused yield; finally blocks run.
def resource():
    print("open")
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = resource()
print(next(g))
g.close()
print("closed")
g.close()
for v in resource():
    print("loop", v)
    break
print("after break")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(s, "finished"))
