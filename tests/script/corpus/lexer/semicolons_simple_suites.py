# Several simple statements on one line, and one-line suites after a colon.
a = 1; b = 2; c = a + b
print(a, b, c)
if c == 3: print("three"); print("still in the if")
for i in range(3): print(i, end=" ")
print()
while a < 4: a += 1
print(a)
def g(): return "one-liner"
print(g())
class K: pass
print(K.__name__)
