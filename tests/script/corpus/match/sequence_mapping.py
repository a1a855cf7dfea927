# Sequence and mapping patterns: fixed and starred, nested, rest captures.
from collections import OrderedDict


def command(cmd):
    match cmd.split():
        case []:
            return "empty"
        case ["quit"]:
            return "bye"
        case ["go", direction]:
            return "going " + direction
        case ["drop", *things]:
            return f"dropping {things}"
        case ["pick", "up", obj] | ["take", obj]:
            return "taking " + obj
        case [first, *middle, last]:
            return f"{first}..{middle}..{last}"


for c in ["", "quit", "go north", "drop a b c", "drop", "pick up lamp", "take key", "a b c d"]:
    print(repr(c), "->", command(c))


def shape(x):
    match x:
        case (0, 0):
            return "origin"
        case (x0, 0) | (0, x0):
            return f"on an axis at {x0}"
        case [(a, b), (c, d)]:
            return f"segment {a},{b} to {c},{d}"
        case [int() | float() as only]:
            return f"one number {only}"
        case "abc":
            return "a string is not a sequence pattern"
        case {"x": x1, "y": y1, **rest}:
            return f"point {x1},{y1} extra {rest}"
        case {"kind": "circle", "r": r}:
            return f"circle {r}"
        case {}:
            return "some mapping"
        case _:
            return "unknown"


for v in [(0, 0), [3, 0], (0, 4), [(1, 2), (3, 4)], [7], [2.5], "abc", {"x": 1, "y": 2, "z": 3},
          {"kind": "circle", "r": 2, "extra": 1}, OrderedDict(a=1), {}, range(2), 5]:
    print(repr(v), "->", shape(v))


# Strings, bytes and bytearrays never match a sequence pattern; a range does.
for v in ["ab", b"ab", bytearray(b"ab"), range(2), (1, 2)]:
    match v:
        case [p, q]:
            print(type(v).__name__, "sequence", p, q)
        case _:
            print(type(v).__name__, "not a sequence")
