# str() and repr() of common values.
values = [1, -2.5, True, None, "s", [1, "a"], (1,), (), {"k": [None]}, set(), {3}]
for v in values:
    print(str(v), "|", repr(v))
print(str(), repr(""))
