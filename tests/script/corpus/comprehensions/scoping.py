# Comprehension variables do not leak; the first iterable is evaluated outside.
x = "outer"
result = [x for x in range(3)]
print(x, result)
n = 3
print([n * i for i in range(n)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def make():
    k = 10
    return [k + j for j in range(2)]
print(make())
