# Set algebra; outputs are sorted so they do not depend on hashing order.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b)), sorted(a.difference(b)))
print({1, 2} <= a, {1, 2} < {1, 2}, a.issubset(b), a.issuperset({1}), a.isdisjoint({7}))
s = set()
s.add(3); s.add(3); s.add(1)
s.discard(99); s.remove(1)
print(s, len(s), 3 in s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
print(len({"x", "y", "x"}), set([1, 1, 2]) == {2, 1})
print({3, 1, 2}, set(), {(1, 2)})
