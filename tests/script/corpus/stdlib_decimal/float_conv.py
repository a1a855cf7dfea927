# float(Decimal) for random values (exact decimal strings to the nearest double).
from decimal import Decimal as D
state = 5
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 33) % n
print(float(D("1E+400")), float(D("-1E-400")), float(D(0.1)), float(D("-0")), float(D("nan")), float(D("-inf")))
bad = 0
for i in range(3000):
    s = "%d.%dE%d" % (rnd(10 ** rnd(20)), rnd(10 ** rnd(25)), rnd(640) - 330)
    d = D(s)
    f = float(d)
    print(repr(f)) if i < 50 else None
    if f != float(s):
        bad += 1
print("bad", bad)
