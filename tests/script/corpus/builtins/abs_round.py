# abs and round.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True))
print(round(3.14159), round(3.14159, 2), round(-2.5), round(2.5), round(15, -1), round(25, -1))
print(round(0.1 + 0.2, 2), round(1e-3, 5), round(123.456, -1))
