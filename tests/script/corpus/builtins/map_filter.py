# map and filter are lazy iterators.
m = map(lambda x: print("map", x) or x * 2, [1, 2, 3])
print("nothing mapped yet")
print(next(m))
print(list(m))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(map(str.upper, ["a", "b"])), list(map(len, ["ab", "c"])))
print(list(filter(None, [0, 1, "", "x", None, [1]])))
print(list(filter(lambda s: s.startswith("a"), ["ab", "ba", "ac"])))
