# format() builtin and str() of computed floats.
print(format(3.14159, ".3f"), format(42, "x"), format("s", ">3"), format(12))
print(str(1 / 7), str(22 / 7), str(1e100))
total = 0.0
for _ in range(10):
    total += 0.1
print(total, round(total, 10), f"{total:.1f}")
