# Generated sweep of Context.power: integral, huge and non-integral exponents, small and
# default exponent limits, all rounding modes (own LCG, fixed seed).
import decimal as dec
D = dec.Decimal
state = 99
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 33) % n
M = [dec.ROUND_UP, dec.ROUND_DOWN, dec.ROUND_CEILING, dec.ROUND_FLOOR, dec.ROUND_HALF_UP, dec.ROUND_HALF_DOWN, dec.ROUND_HALF_EVEN, dec.ROUND_05UP]
for i in range(1500):
    if rnd(2):
        c = dec.Context(prec=1 + rnd(20), rounding=M[rnd(8)], Emin=-rnd(30) - 1, Emax=rnd(30) + 1, clamp=rnd(2), traps=[])
    else:
        c = dec.Context(prec=1 + rnd(30), rounding=M[rnd(8)], traps=[])
    a = D("%s%d.%dE%d" % (["", "-"][rnd(2)], rnd(100), rnd(1000), rnd(20) - 10))
    k = rnd(4)
    if k == 0:
        b = D(rnd(2000) - 1000)
    elif k == 1:
        b = D(rnd(10 ** 7) - 5 * 10 ** 6)
    elif k == 2:
        b = D("%d.%d" % (rnd(50) - 25, rnd(100)))
    else:
        b = D("%dE%d" % (rnd(100) - 50, rnd(8) - 3))
    try:
        r = c.power(a, b)
    except Exception as e:
        r = type(e).__name__
    print(i, a, b, c.prec, c.rounding, r, "".join(k.__name__[:2] for k in c.flags if c.flags[k]))
