# Generated sweep of __format__: random specs (fill/align/sign/z/0/width/,/precision/type)
# over random values, own LCG with a fixed seed.
from decimal import Decimal as D
state = 7
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 33) % n
fills = ["", "*<", "*>", "*^", "*=", "<", ">", "^", "="]
for i in range(2500):
    spec = fills[rnd(len(fills))] + ["", "+", "-", " "][rnd(4)] + ["", "z"][rnd(2)] + ["", "0"][rnd(2)]
    spec += ["", str(rnd(25))][rnd(2)] + ["", ","][rnd(2)] + ["", "." + str(rnd(12))][rnd(2)]
    spec += ["", "e", "E", "f", "F", "g", "G", "%", "n"][rnd(9)]
    k = rnd(12)
    if k == 0:
        v = ["inf", "-inf", "nan", "-nan", "snan", "0", "-0", "0E+5", "-0E-7"][rnd(9)]
    else:
        v = "%s%d%s" % (["", "-"][rnd(2)], rnd(10 ** rnd(15)), "E%d" % (rnd(40) - 25))
    try:
        r = format(D(v), spec)
    except Exception as e:
        r = type(e).__name__ + str(e)
    print(i, repr(spec), v, repr(r))
