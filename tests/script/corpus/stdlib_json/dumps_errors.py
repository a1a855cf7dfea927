import json

for value in [{1, 2}, object(), range(3)]:
    try:
        json.dumps(value)
    except TypeError as e:
        print("TypeError:", e)

try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): 3, "kept": 1}, skipkeys=True))

loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
d = {}
d["self"] = d
try:
    json.dumps(d, indent=2)
except ValueError as e:
    print("ValueError:", e)

for kw in [{}, {"indent": 2}]:
    try:
        json.dumps([float("nan")], allow_nan=False, **kw)
    except ValueError as e:
        print("ValueError:", e)
