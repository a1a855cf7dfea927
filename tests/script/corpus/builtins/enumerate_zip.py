# enumerate and zip.
names = ["ann", "bo", "cy"]
print(list(enumerate(names)), list(enumerate(names, start=1)))
for i, n in enumerate(names, 10):
    print(i, n)
ages = [31, 22]
print(list(zip(names, ages)), list(zip(names, ages, "xyz")), list(zip()))
pairs = [(1, "a"), (2, "b")]
nums, letters = zip(*pairs)
print(nums, letters)
print(dict(zip(names, range(3))))
