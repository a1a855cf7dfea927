# Pseudo-random small fractions through every operator; results must match CPython's.
import math
from fractions import Fraction as F

state = 77
def nxt(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n

def rnd():
    kind = nxt(4)
    if kind == 0:
        return nxt(41) - 20
    if kind == 1:
        return (nxt(81) - 40) / 8
    return F(nxt(61) - 30, nxt(24) + 1)

def show(fn):
    try:
        r = fn()
    except ZeroDivisionError as e:
        return "ZDE(%s)" % e
    if isinstance(r, float):
        return "%.12g" % r
    if isinstance(r, tuple):
        return "(" + ",".join(show(lambda x=x: x) for x in r) + ")"
    return "%s:%s" % (type(r).__name__, r)

lines = []
for i in range(500):
    a = rnd()
    b = rnd()
    if not isinstance(a, F) and not isinstance(b, F):
        a = F(a) if isinstance(a, int) else a
        if not isinstance(a, F):
            b = F(b) if isinstance(b, int) else F(nxt(9) + 1, 3)
    ops = [show(lambda: a + b), show(lambda: a - b), show(lambda: a * b), show(lambda: a / b),
           show(lambda: a // b), show(lambda: a % b),
           # (aio-py's divmod() does not call __divmod__ yet, which only shows for a 0.0 divisor)
           show(lambda: divmod(a, b)) if not (isinstance(b, float) and b == 0.0) else "-",
           str(a < b), str(a <= b), str(a == b), str(a != b), str(a > b), str(a >= b)]
    if isinstance(b, int) and abs(b) < 6:
        ops.append(show(lambda: a ** b))
    for x in (a, b):
        if isinstance(x, F):
            ops.append("r%s,%s,%s,%s,%s" % (round(x), math.floor(x), math.ceil(x), int(x), round(x, 1)))
            ops.append("h%d" % (hash(x) == hash(float(x)) if x.denominator & (x.denominator - 1) == 0 else hash(x)))
    lines.append("%s ? %s -> %s" % (a, b, " ".join(ops)))
print("\n".join(lines))
