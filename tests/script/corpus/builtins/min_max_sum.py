# min, max and sum with keys, defaults and start values.
data = [4, -7, 2, 9, -1]
print(min(data), max(data), min(3, 1, 2), max("apple", "fig", key=len))
print(min(data, key=abs), max(data, key=lambda x: -x))
print(min([], default="none"), max((), default=0))
print(sum(data), sum(data, 100), sum([0.5, 0.25]), sum([[1], [2]], []))
try:
    min([])
except ValueError as e:
    print(e)
try:
    max()
except TypeError as e:
    print(e)
print(max([(1, "b"), (1, "c"), (0, "z")]))
