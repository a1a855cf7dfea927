# except* handles matching parts of a group; the rest propagates.
def raise_group():
    raise ExceptionGroup("batch", [ValueError("v1"), KeyError("k"), ValueError("v2"), OSError("o")])
try:
    try:
        raise_group()
    except* ValueError as eg:
        print("values:", [str(e) for e in eg.exceptions])
    except* (KeyError, TypeError) as eg:
        print("keys:", repr(eg.exceptions))
except ExceptionGroup as rest:
    print("left over:", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("a bare exception arrives wrapped:", repr(eg))
