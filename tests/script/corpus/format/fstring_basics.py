# f-strings evaluate expressions in place.
name = "asyncio"
n = 3
print(f"{name} has {len(name)} letters")
print(f"{n} * 2 = {n * 2}", f"{'nested quotes'}", f"{name!r}", f"{name!s}")
print(f"{{literal braces}} {n}")
print(f"{n=}", f"{n + 1 = }", f"{name=!r}")
items = [1, 2, 3]
print(f"{items[0]} {items[-1]} {sum(items)} {[x * 2 for x in items]}")
d = {"key": "v"}
print(f"{d['key']}", f"{'yes' if n > 2 else 'no'}")
print(f"multi {n}"
      f" part {name}")
