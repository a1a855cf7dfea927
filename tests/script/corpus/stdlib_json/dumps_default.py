import json


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps([Point(1, 2), {3, 1, 2}], cls=PointEncoder))
print(json.dumps({"p": Point(0, 5)}, default=lambda o: o.__dict__, sort_keys=True))
print(PointEncoder(indent=1).encode({"p": Point(1, 1)}))
print("".join(json.JSONEncoder().iterencode({"a": [1, 2]})))
try:
    json.dumps(Point(1, 2), cls=PointEncoder, default=None) and json.dumps([object()], cls=PointEncoder)
except TypeError as e:
    print("TypeError:", e)
