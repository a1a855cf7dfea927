# Literal, capture, wildcard, value and OR patterns, with guards.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


def describe(x):
    match x:
        case 0 | 0.0:
            return "zero"
        case True:
            return "true"
        case None:
            return "none"
        case "go" | "run":
            return "verb " + x
        case b"raw":
            return "bytes"
        case -1:
            return "minus one"
        case 1.5 | -2.5:
            return "a half"
        case Color.RED:
            return "red"
        case int(n) if n > 100:
            return f"big {n}"
        case str() as s if s.startswith("x"):
            return "x-word " + s
        case other:
            return f"other {other!r}"


for v in [0, 0.0, False, True, 1, None, "go", "run", "walk", b"raw", -1, 1.5, -2.5, Color.RED, Color.GREEN, 500, "xy", [1]]:
    print(repr(v), "->", describe(v))


def wildcard(x):
    match x:
        case 1:
            print("one")
        case _:
            print("anything but one:", x)
    match x:
        case 2:
            print("two")
    print("after a match with no case taken")


wildcard(1)
wildcard(3)
# A capture binds in the enclosing scope, and stays bound after the match.
match 42:
    case answer:
        pass
print(answer)
