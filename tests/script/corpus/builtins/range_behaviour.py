# range objects.
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)))
r = range(3, 20, 4)
print(r, len(r), r[1], r[-1], 11 in r, 12 in r)
print(list(range(5, 2)), list(range(-3, 3)), range(0, 10, 2) == range(0, 9, 2))
for i in range(3, 0, -1):
    print(i, end=" ")
print()
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
print(sum(range(101)), max(range(7)), list(reversed(range(3))))
