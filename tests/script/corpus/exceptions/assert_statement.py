# assert raises AssertionError with the optional message.
def check(x):
    assert x > 0, f"expected positive, got {x}"
    return x
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("no message:", repr(e))
assert [], "empty list is falsy"
