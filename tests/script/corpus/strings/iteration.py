# Strings are iterable sequences of one-character strings.
word = "asyncio"
for ch in word:
    print(ch, end="|")
print()
print(list(word))
print(sorted(word), "".join(sorted(word)))
print("".join(reversed(word)))
for i, ch in enumerate("abc", 1):
    print(i, ch)
print(max(word), min(word), len(set(word)))
