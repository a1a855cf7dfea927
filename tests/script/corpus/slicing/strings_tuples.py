# Slicing works the same on strings and tuples and returns the same type.
s = "abcdefgh"
print(s[1:4], s[::-1], s[::3], s[-2:], s[:0] == "")
t = tuple(range(6))
print(t[1:3], t[::-2], type(t[:2]).__name__)
r = range(10)
print(r[2:8:2], list(r[::-3]), r[-1])
word = "racecar"
print(word == word[::-1], "python"[::-1])
