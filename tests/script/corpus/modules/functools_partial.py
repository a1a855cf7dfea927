# functools.partial binds leading positional and keyword arguments.
from functools import partial
def power(base, exp, *, label="result"):
    return f"{label}: {base ** exp}"
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(5), two_to(10), two_to(3, label="cube-ish"))
print(square(4, label="sq"), square(base=3))
import functools
greet = functools.partial(print, "hello", sep=", ")
greet("world")
greet("a", "b", sep="|")
p = partial(power, 3, 3)
print(p(), p.args, p.keywords, p.func is power)
