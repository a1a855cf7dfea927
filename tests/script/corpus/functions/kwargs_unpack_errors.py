# Errors when spreading arguments.
def f(a, b):
    return a, b
print(f(**{"a": 1, "b": 2}), f(*(1,), **{"b": 2}))
try:
    f(**{"a": 1, "c": 3})
except TypeError as e:
    print(e)
try:
    f(*[1, 2, 3])
except TypeError as e:
    print(e)
try:
    f(1, **{"a": 2})
except TypeError as e:
    print(e)
