# Numbers that compare equal hash equal, so they collide as dict keys.
print(hash(1) == hash(1.0) == hash(True))
print(hash(0), hash(7), hash(-7), hash(-1), hash(2.0))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
print({0: "a", False: "b"})
print(1 in {1.0}, 2.0 in [2])
