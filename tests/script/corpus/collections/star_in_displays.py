# * and ** inside list, tuple, set and dict displays and calls.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5], (*a, 0), [*"hi"])
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2}, {**d2, "x": 0, **{"w": -1}})
print(sorted({*a, *b, 1}))
def f(*args, **kw):
    return args, kw
print(f(*a, 9, *b, k=1, **d2))
