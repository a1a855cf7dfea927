import json

data = {"b": [1, 2, {"c": []}], "a": {"x": {}}}
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, indent=0))
print(json.dumps([1, 2], separators=(",", ":")))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.dumps({"a": 1}, indent=4, separators=(", ", " = ")))
