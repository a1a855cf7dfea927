# any and all short-circuit.
def check(x):
    print("check", x)
    return x > 2
print(any(check(x) for x in [1, 3, 5]))
print(all(check(x) for x in [3, 1, 5]))
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]))
print(any(x for x in [0, 0.0, 7]), all(c.isalpha() for c in "abc"))
