# Inner functions capture variables, not values.
def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([add(10) for add in make_adders()])
def outer():
    x = "outer"
    def inner():
        return x
    x = "changed"
    return inner
print(outer()())
