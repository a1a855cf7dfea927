# Comprehension targets can unpack tuples.
pairs = [("a", 1), ("b", 2), ("c", 3)]
print([k * v for k, v in pairs])
print({v: k for k, v in pairs})
points = [(1, (2, 3)), (4, (5, 6))]
print([x + y + z for x, (y, z) in points])
print([f"{i}:{c}" for i, c in enumerate("xyz") if i != 1])
print([(a, b) for a, *b in [(1, 2, 3), (4,)]])
