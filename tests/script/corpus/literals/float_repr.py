# repr of floats is the shortest string that round-trips.
print(0.1, 0.1 + 0.2, 1 / 3, 2 / 3)
print(1.0, 2.5, -0.0, 100.0, 1e16, 1e15, 123456789.125)
print(1e-5, 0.0001, 1.5e-7, 1e22, 1.7976931348623157e308)
print(3.14159, 2.0 ** 0.5, 10 / 4)
print(float("inf"), float("-inf"), float("nan"))
print(1e300 * 1e10, -1e300 * 1e10)
print(repr(0.5), str(0.25), [0.1, 1.0])
