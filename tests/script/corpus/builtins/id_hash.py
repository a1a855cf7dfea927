# id() is stable for the object's lifetime; equal values have equal hashes.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) != id(c), a == c)
print(hash(42), hash(-1), hash(0), hash(True), hash(1.0), hash(1.5) == hash(1.5))
print(hash("abc") == hash("ab" + "c"), hash((1, "x")) == hash((1, "x")))
try:
    hash({})
except TypeError as e:
    print(e)
print(type(id(a)).__name__, type(hash("s")).__name__)
