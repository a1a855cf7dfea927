x = [i * 2 for i in range(10) if i % 3]
d = {k: v for k, v in zip("abc", (1, 2, 3))}
s = {*x, *d}
f = lambda a, /, b=2, *c, d, **e: (a, b, c, d, e)
print(f(1, d=4), f"{x!r:>20} {d['a']:05d} {3.5:.2e}", sep="|")
if x and x[0] == 0:
    first, *rest = x
    print(rest)
while (n := len(x)) > 3:
    x.pop()
print(n, x[::-1], x[1:-1], "%s-%d" % ("a", 3), "{0}{b}".format(1, b=2))
