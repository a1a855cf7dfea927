# split/rsplit/splitlines and join.
print("a b  c\td\n".split())
print("a,b,,c".split(","))
print("a b c d".split(None, 2))
print("a b c d".rsplit(" ", 1))
print("  lead and trail  ".split(" "))
print("one\ntwo\r\nthree\n".splitlines())
print("x".split(","), "".split(), "".split(","))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"))
print("::".join(str(i) for i in range(4)))
try:
    "-".join([1, 2])
except TypeError as e:
    print(e)
