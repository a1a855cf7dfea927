# Conditional expressions evaluate only the chosen branch.
def loud(x):
    print("evaluated", x)
    return x
a = loud("yes") if 1 < 2 else loud("no")
b = loud("yes") if 1 > 2 else loud("no")
print(a, b)
n = 7
print("odd" if n % 2 else "even", "big" if n > 100 else "medium" if n > 5 else "small")
values = [x if x >= 0 else -x for x in (-3, 0, 4)]
print(values)
print((lambda v: "neg" if v < 0 else "non-neg")(-1))
