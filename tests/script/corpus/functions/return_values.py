# Functions return None by default, tuples for several values, and stop at return.
def nothing():
    pass
def pair():
    return 1, "two"
def early(x):
    if x:
        return "early"
    print("not early")
    return
def in_loop():
    for i in range(10):
        if i == 3:
            return i
print(nothing(), pair(), early(True), early(False), in_loop())
a, b = pair()
print(a, b)
