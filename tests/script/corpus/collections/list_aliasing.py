# Assignment copies references; copies are shallow.
a = [1, [2, 3]]
b = a
c = a.copy()
d = list(a)
e = a[:]
a[0] = 100
a[1].append(4)
print(a, b, c, d, e)
print(a is b, c is a, c[1] is a[1])
def add(lst, x):
    lst.append(x)
add(b, "via function")
print(a)
