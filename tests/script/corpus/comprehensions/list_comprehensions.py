# List comprehensions with filters and nested loops.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([c.upper() for c in "abc" if c != "b"])
print([x if x > 0 else 0 for x in [-2, 3, -1, 4]])
print([[j for j in range(i)] for i in range(4)])
words = ["a", "bb", "ccc"]
print([len(w) for w in words], [w * 2 for w in words if len(w) < 3])
