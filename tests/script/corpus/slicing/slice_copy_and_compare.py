# Slices are copies; comparing slices compares contents.
a = [1, 2, 3, 4]
b = a[:]
b.append(5)
print(a, b, a[:2] == b[:2], a[1:] is a[1:])
s = "hello world"
print(s[:5] + s[5:] == s, s[6:] + " " + s[:5])
words = s.split()
print(words[::-1], " ".join(w[::-1] for w in words))
n = 12345
print(str(n)[::-1], int(str(n)[1:-1]))
