import json

print(json.dumps({"name": "aio", "tags": ["a", "b"], "n": 3, "x": 2.5, "ok": True, "none": None}))
print(json.dumps([1, (2, 3), [], {}]))
print(json.dumps("plain"), json.dumps(7), json.dumps(-0.0), json.dumps(1e100), json.dumps(0.1 + 0.2))
print(json.dumps(float("inf")), json.dumps(float("-inf")), json.dumps(float("nan")))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none"}))
