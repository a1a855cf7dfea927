# int(s, base) and str() of huge values, with CPython's 4300-digit limit.
print(int('9' * 30), int('-0x' + 'f' * 20, 16), int('1_000_000_000_000_000_000_000'), int('z' * 15, 36))
print(int(1e30), int(-2.5e20), float(2**100), str(3**50), repr(-7**30), f"{2**70}", format(2**80, 'd'))
print(len(str(10**4299)))
for src in ["str(10**5000)", "int('9' * 5000)", "float(2**1024)", "2**2000 / 1", "[0][2**70]"]:
    try:
        eval(src)
    except Exception as e:
        print(type(e).__name__, e)
