# iter() and next(), with and without a default.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
d = iter({"a": 1, "b": 2})
print(list(d))
s = iter("xy")
print(next(s), list(s))
try:
    next([1, 2])
except TypeError as e:
    print(e)
