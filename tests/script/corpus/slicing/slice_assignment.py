# Assigning to and deleting slices of a list.
xs = list(range(8))
xs[2:4] = ["a", "b", "c"]
print(xs)
xs[:2] = []
print(xs)
xs[-1:] = [99, 100]
print(xs)
xs[::2] = [0] * len(xs[::2])
print(xs)
del xs[1:3]
print(xs)
del xs[::2]
print(xs)
xs[1:1] = ["inserted"]
print(xs)
try:
    xs[::2] = [1, 2, 3, 4, 5]
except ValueError as e:
    print(e)
