# Indexing, concatenation, repetition, comparison.
s = "python"
print(s[0], s[-1], s[2], len(s))
print(s + "3", s * 2, 3 * "ab", "" * 5)
print("apple" < "banana", "Zebra" < "apple", "abc" < "abd", "ab" < "abc")
print(s == "python", s != "Python")
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "P"
except TypeError as e:
    print("TypeError:", e)
