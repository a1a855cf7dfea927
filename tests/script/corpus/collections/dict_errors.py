# KeyError shows the repr of the missing key.
d = {"a": 1}
for key in ["b", 2, ("t", 1)]:
    try:
        d[key]
    except KeyError as e:
        print("KeyError", e, repr(e), e.args)
try:
    d[[1]] = 2
except TypeError as e:
    print(e)
try:
    {}.popitem()
except KeyError as e:
    print(e)
