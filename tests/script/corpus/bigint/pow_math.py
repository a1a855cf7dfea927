# pow with a modulus, and math's integer functions on big values.
import math

p = 2 ** 127 - 1  # a Mersenne prime
print(pow(3, p - 1, p), pow(2, 10 ** 20, 10 ** 9 + 7), pow(-7, 3, 10), pow(7, 3, -10))
print(pow(2 ** 100, -1, 97), pow(38, -1, 97) * 38 % 97, pow(5, -2, 2 ** 61 - 1))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5)]:
    try:
        pow(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(math.factorial(30), math.factorial(0), len(str(math.factorial(1000))))
print(math.comb(100, 50), math.comb(10 ** 20, 2), math.comb(5, 7), math.perm(30, 20), math.perm(6))
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(), math.gcd(-12, 18, 2 ** 80), math.lcm(2 ** 70, 3 ** 40), math.lcm(-4, 6))
print(math.isqrt(10 ** 41), math.isqrt(2 ** 200 - 1), math.isqrt(0))
print(round(math.log(2 ** 2000), 9), round(math.log2(2 ** 2000 * 3), 9), round(math.log10(10 ** 400), 9), round(math.log(3 ** 900, 3), 9))
print(round(123456789012345678901234567, -5), round(2 ** 70, -20), round(-25, -1), round(-15, -1), round(7, -30))
print((2.5e30).as_integer_ratio(), (0.1).as_integer_ratio(), round(1e25), int(-3.7e20))
for f, args in [(math.factorial, (-1,)), (math.factorial, (1.5,)), (math.comb, (-1, 2)), (math.perm, (5, -1)), (math.isqrt, (-(2 ** 80),))]:
    try:
        f(*args)
    except (ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
