# Class patterns: positional through __match_args__, keywords, builtins'
# self-matching, dataclasses, and the TypeErrors CPython raises.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int = 0


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


def where(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Circle(Point(x, y), r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=Point() as c, radius=r):
            return f"circle {c} r={r}"
        case int(n) | float(n):
            return f"number {n}"
        case str(s):
            return "text " + s
        case list([*items]):
            return f"list of {len(items)}"
        case dict(d):
            return f"dict {sorted(d)}"
        case object(__class__=cls):
            return "an instance of " + cls.__name__


print(Point.__match_args__)
for s in [Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), Circle(Point(1, 1), 20), Circle(Point(2, 2), 1),
          7, 2.5, "hi", [1, 2], {"b": 1, "a": 2}, None]:
    print(where(s))


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["a"]


class Twice:
    __match_args__ = ("a",)
    a = 1


def try_match(v):
    try:
        match v:
            case NoArgs(x):
                return "matched"
    except TypeError as e:
        return f"TypeError: {e}"


def try_bad(v):
    try:
        match v:
            case BadArgs(x):
                return "matched"
    except TypeError as e:
        return f"TypeError: {e}"


def try_twice(v):
    try:
        match v:
            case Twice(x, a=y):
                return "matched"
    except TypeError as e:
        return f"TypeError: {e}"


def try_notclass(v):
    try:
        match v:
            case len():
                return "matched"
    except TypeError as e:
        return f"TypeError: {e}"


def try_int(v):
    try:
        match v:
            case int(a, b):
                return "matched"
    except TypeError as e:
        return f"TypeError: {e}"


print(try_match(NoArgs()))
print(try_bad(BadArgs()))
print(try_twice(Twice()))
print(try_notclass(3))
print(try_int(3))
