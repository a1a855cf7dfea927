# int() and float() conversions from strings and numbers.
print(int("42"), int("-17"), int("  8  "), int("+3"), int("1_000"))
print(int("ff", 16), int("0x1f", 16), int("777", 8), int("101", 2), int("z", 36))
print(int(3.9), int(-3.9), int(True), int(0.0))
print(float("2.5"), float("-1e3"), float(" 7 "), float(3), float("inf"))
for bad in ["abc", "", "4.5", "1e3"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    float("x1")
except ValueError as e:
    print(e)
