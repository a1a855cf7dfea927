# Sequence unpacking with starred targets, and its errors.
a, b, c = [1, 2, 3]
print(a, b, c)
head, *tail = range(5)
print(head, tail)
*init, last = "abcd"
print(init, last)
first, *mid, end = (1, 2)
print(first, mid, end)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    x, y, z = (1, 2)
except ValueError as e:
    print(e)
try:
    x, y = 5
except TypeError as e:
    print(e)
