# A generator cannot be re-entered while running, and runs once.
def gen():
    yield 1
    yield 2
g = gen()
print(list(g), list(g))
def selfish():
    yield next(me)
me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
print(iter(g) is g)
