# sort/sorted: key functions, reverse, and stability.
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
pairs.sort(key=lambda p: p[0])
print(pairs)
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums, sorted(nums, reverse=True))
print(sorted([3.5, 1, 2.25, -1]), sorted("hello"))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
