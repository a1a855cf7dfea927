# Infinite generators combined into a lazy pipeline.
def naturals():
    n = 1
    while True:
        yield n
        n += 1
def squares(it):
    for x in it:
        yield x * x
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(5, squares(naturals()))))
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(4)])
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(take(10, fib())))
