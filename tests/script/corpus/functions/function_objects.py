# Functions are values with a name and can be stored and passed around.
def double(x):
    return 2 * x
ops = {"double": double, "neg": lambda x: -x, "str": str}
for name, fn in ops.items():
    print(name, fn(21))
def apply_twice(fn, x):
    return fn(fn(x))
print(apply_twice(double, 3), apply_twice(ops["neg"], 3))
print(double.__name__, callable(double), callable(3))
print(type(double).__name__, type(lambda: 0).__name__)
