# str/int/float round trips.
for v in [0, 7, -123, 2 ** 40]:
    assert int(str(v)) == v
for f in [0.1, 1 / 3, 1e300, 5e-324, 123.456]:
    assert float(repr(f)) == f
    print(repr(f))
print(int("  -0  "), float("-0"), str(-0.0), int(-0.0))
print(str(2 ** 62), str(-2 ** 62 * 2))
