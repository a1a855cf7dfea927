# Tuples: packing, one-element tuples, methods, comparison, immutability.
t = 1, 2, 3
print(t, type(t).__name__, len(t))
one = (5,)
print(one, (5), ())
print(t.count(2), t.index(3), 2 in t)
print((1, 2) + (3,), (0,) * 3)
print((1, 2, 3) < (1, 3), (1, "a") == (1, "a"))
print(tuple([1, 2]), tuple("ab"), tuple())
try:
    t[0] = 9
except TypeError as e:
    print(e)
print(hash((1, 2)) == hash((1, 2)))
