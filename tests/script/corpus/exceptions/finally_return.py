# finally runs on return, break and continue; a return in finally wins.
def f():
    try:
        return "from try"
    finally:
        print("finally runs before returning")
def g():
    try:
        return "from try"
    finally:
        return "from finally"
def h():
    try:
        raise KeyError("lost")
    finally:
        return "finally swallowed the error"
print(f()); print(g()); print(h())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
