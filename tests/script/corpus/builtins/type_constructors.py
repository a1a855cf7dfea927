# Calling the built-in types as constructors.
print(str(12), str(1.5), str([1, "a"]), str(None))
print(int("7"), int(7.9), float("1.25"), bool(2), bool(""))
print(list("abc"), list((1, 2)), list({"k": 1}), list(range(2)))
print(tuple([1, 2]), set([3, 3]), dict([(1, 2)]), dict(a=1))
print(list(), tuple(), dict(), set(), str(), int(), float(), bool())
print(list(map(int, "123")), [float(x) for x in ["1", "2.5"]])
