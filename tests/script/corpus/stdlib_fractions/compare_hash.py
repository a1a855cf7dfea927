from fractions import Fraction as F

print(F(1, 2) == 0.5, F(1, 3) == 1 / 3, F(1, 2) < 0.6, 0.4 < F(1, 2), F(1, 2) == float("nan"), F(1, 2) < float("inf"))
print(F(1) > float("-inf"), F(2) == 2, 2 == F(4, 2), F(1, 2) != F(2, 4), F(1, 2) >= F(1, 2), F(1, 2) <= 0.5, F(3) > 2.999)
print(F(1, 3) < F(1, 2), F(-1, 3) > F(-1, 2), 1 < F(3, 2), 2 > F(3, 2), F(5, 2) > 2, F(5, 2) < 3, F(1, 2) != 0.25)
print(float("nan") < F(1), F(1) >= float("nan"), F(1) != float("nan"), float("inf") > F(10 ** 6))
print(sorted([F(3, 4), 0.5, F(1, 3), 1, F(-1, 2), 0.25]))
print(max(F(1, 3), F(2, 7)), min(F(1, 3), 0.3), F(1, 10) == 0.1, F(3602879701896397, 36028797018963968) == 0.1)
for x in [F(1, 3), F(-1, 3), F(5), F(-1), F(1, 2), F(-1, 2), F(0), F(7, 4), F(22, 7), F(1, 2 ** 61 - 1), F(7, 2 ** 61 - 1), F(1, 1000003)]:
    print(repr(x), hash(x))
print(hash(F(1, 2)) == hash(0.5), hash(F(5)) == hash(5), hash(F(-3, 4)) == hash(-0.75), hash(F(-1)) == hash(-1))
d = {F(1, 2): "half", 2: "two", 0.25: "quarter"}
print(d[0.5], d[F(2)], d[F(1, 4)], len({F(1, 2), 0.5, F(2, 4)}), F(4, 2) in {2})
