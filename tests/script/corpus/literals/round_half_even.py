# round() uses banker's rounding on exact halves and works on the binary value.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(3.7), round(-3.7), round(7))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, 1), round(1234.5678, -2), round(1250, -2), round(1350, -2))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
