# dict operations keep insertion order.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), "a" in d, 2 in d)
print(d.get("a"), d.get("zz"), d.get("zz", 0))
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d["n"].append(1)
print(d.pop("b"), d.pop("missing", "dflt"), d)
d.update({"a": 10, "e": 5})
d.update(f=6)
print(d)
del d["c"]
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.popitem(), d)
