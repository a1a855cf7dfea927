# Generated sweep of the other operations (create_decimal, sci/eng strings, quantize,
# to_integral_exact, compare_total, max/min(_mag), number_class, logb, next_*, scaleb,
# normalize, sqrt, remainder_near, compare(_signal), fma) in random contexts (fixed seed).
import decimal as dec
D = dec.Decimal
state = 4242
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 33) % n
M = [dec.ROUND_UP, dec.ROUND_DOWN, dec.ROUND_CEILING, dec.ROUND_FLOOR, dec.ROUND_HALF_UP, dec.ROUND_HALF_DOWN, dec.ROUND_HALF_EVEN, dec.ROUND_05UP]
def num():
    k = rnd(15)
    if k == 0:
        return ["inf", "-inf", "nan", "snan", "-nan7", "0", "-0", "0E+9", "-0E-9"][rnd(9)]
    return "%s%s%s%s" % (["", "-", "+"][rnd(3)], str(rnd(10 ** rnd(25))), ["", "." + str(rnd(10 ** rnd(10)))][rnd(2)], ["", "e%d" % (rnd(60) - 30), "E+%d" % rnd(30)][rnd(3)])
for i in range(2500):
    if rnd(2):
        c = dec.Context(prec=1 + rnd(20), rounding=M[rnd(8)], Emin=-rnd(30) - 1, Emax=rnd(30) + 1, clamp=rnd(2), traps=[], capitals=rnd(2))
    else:
        c = dec.Context(prec=1 + rnd(30), rounding=M[rnd(8)], traps=[], capitals=rnd(2))
    s = num()
    a, b = D(s), D(num())
    op = rnd(12)
    try:
        if op == 0: r = c.create_decimal(s)
        elif op == 1: r = c.to_eng_string(a)
        elif op == 2: r = c.to_sci_string(a)
        elif op == 3: r = a.quantize(D((0, (1,), rnd(30) - 15)), rounding=M[rnd(8)], context=c)
        elif op == 4: r = a.to_integral_exact(M[rnd(8)], c)
        elif op == 5: r = a.compare_total(b)
        elif op == 6: r = (c.max(a, b), c.min(a, b), c.max_mag(a, b), c.min_mag(a, b))
        elif op == 7: r = (a.same_quantum(b), a.number_class(c), c.logb(a))
        elif op == 8: r = (c.next_plus(a), c.next_minus(a), c.next_toward(a, b))
        elif op == 9: r = (c.scaleb(a, D(rnd(40) - 20)), c.normalize(a))
        elif op == 10: r = (c.sqrt(a), c.remainder_near(a, b))
        else: r = (c.compare(a, b), c.compare_signal(a, b), c.fma(a, b, D(num())))
        r = str(r) if not isinstance(r, tuple) else "(" + ", ".join(map(str, r)) + ")"
    except Exception as e:
        r = type(e).__name__
    print(i, op, s, b, r, "".join(k.__name__[:2] for k in c.flags if c.flags[k]))
