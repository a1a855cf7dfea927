# sorted returns a new list; reversed returns an iterator.
xs = [3, 1, 2]
ys = sorted(xs)
print(xs, ys, sorted(xs, reverse=True))
print(sorted({"b": 1, "a": 2}), sorted((3, 1)), sorted("cab"))
r = reversed(xs)
print(list(r), list(r))
print(list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(sorted([-3, 2, -1], key=abs, reverse=True))
