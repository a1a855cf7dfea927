# Overwriting keeps a key's position; deleting and re-adding moves it to the end.
d = {}
for k in ["x", "y", "z"]:
    d[k] = len(d)
d["x"] = "again"
print(d)
del d["x"]
d["x"] = "new"
print(d)
print(dict(zip("abc", range(3))), dict(a=1, b=2), dict([("k", "v")]))
print(dict.fromkeys(["p", "q"], 0), dict.fromkeys("ab"))
print({1: "a", 1.0: "b"}, {(1, 2): "tuple key"})
