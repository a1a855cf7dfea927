# Generator expressions are lazy and single-use.
def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i

g = (x * 10 for x in noisy(3))
print("created")
print(next(g))
print(list(g))
print(list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in []))
it = (c for c in "ab")
print(type(it).__name__)
