import json
from collections import OrderedDict

print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('{"b": 1, "a": {"c": 3}}', object_pairs_hook=OrderedDict))
print(json.loads('{"type": "point", "x": 1}', object_hook=lambda d: ("hooked", sorted(d))))
print(json.loads("[1.5, 2, 10]", parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads("[NaN, Infinity]", parse_constant=lambda name: "const:" + name))
print(json.loads('["a\tb"]', strict=False))
