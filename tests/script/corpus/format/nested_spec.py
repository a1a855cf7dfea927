# A format spec can itself contain replacement fields.
value = 3.14159
for width, prec in [(8, 2), (10, 4), (6, 0)]:
    print(f"[{value:{width}.{prec}f}]")
align = "^"
print(f"[{'mid':{align}11}]")
fill = "."
print(f"[{42:{fill}>6}]")
