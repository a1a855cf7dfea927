# lambda expressions.
square = lambda x: x * x
add = lambda a, b=1: a + b
print(square(7), add(2), add(2, 3), (lambda: "now")())
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda x: x % 3, range(6))), list(filter(lambda x: x % 2, range(6))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(4))
print((lambda *a, **k: (a, k))(1, z=2))
print(square.__name__)
