# str.format with positional, indexed, named and attribute fields.
print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0[1]} {d[k]}".format([10, 20], d={"k": "v"}))
class P:
    x = 3
print("{p.x}".format(p=P()))
print("{:>8}|{:<6}|{:^5}|".format("r", "l", "c"))
print("{:.2f} {:,} {:08.3f} {!r}".format(2 / 3, 10 ** 6, -3.5, "s"))
print("{{}} {}".format("braces"))
print("{0:{1}}|".format("w", 5))
