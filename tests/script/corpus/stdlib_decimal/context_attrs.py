# Context attributes: no new ones, flags/traps assignment and constructor argument checks.
from decimal import Context, Inexact, Clamped, localcontext
c = Context()
try:
    c.foo = 1
except AttributeError as e:
    print("AttributeError", e)
for v in [{Inexact: True}, {k: True for k in c.flags}, c.flags, [Inexact]]:
    try:
        c.traps = v
        print(c)
    except Exception as e:
        print(type(e).__name__, e)
c.flags = c.traps
c.flags[Clamped] = False
print(c.traps[Clamped], c.flags is c.traps)
c.prec = 7
print(c, c.prec)
for v in [[Inexact], {Inexact: True}]:
    try:
        with localcontext(traps=v) as c:
            print(c)
    except Exception as e:
        print(type(e).__name__, e)
for kw in [dict(traps={Inexact: True}), dict(traps=[Inexact, 5]), dict(traps=5), dict(flags=(Inexact,))]:
    try:
        print(Context(**kw))
    except Exception as e:
        print(type(e).__name__, e)
