# Backslash continuation and implicit joining inside brackets.
total = 1 + \
    2 + \
    3
print(total)
values = [
    10,   # a comment inside brackets
    20,
        30,  # indentation inside brackets does not matter
]
print(values)
result = max(
  4,
            9,
  2)
print(result)
d = {'a': 1,
'b': 2}
print(d)
if (total > 3 and
        result == 9):
    print("joined condition")
