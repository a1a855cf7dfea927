# Multiple targets, swaps and chained assignment.
a, b = 1, 2
a, b = b, a
print(a, b)
x = y = z = 0
x += 1
print(x, y, z)
p = q = []
p.append(1)
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
first, *rest = "hello"
print(first, rest)
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print(i, lst)
