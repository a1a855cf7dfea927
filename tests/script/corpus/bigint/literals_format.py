# Big literals in every base, and format() / %-formatting / hex() of big ints.
big = 123_456_789_012_345_678_901_234_567_890
mask = 0xFFFF_FFFF_FFFF_FFFF_FFFF
flags = 0b1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0001
perms = 0o7777777777777777777777777
print(big, mask, flags, perms)
print(-9223372036854775808, type(-9223372036854775808).__name__, -9223372036854775809)
print(hex(mask + 1), oct(-perms), bin(flags))
for spec in ["", "d", ",", "_", "x", "#X", "#_b", "o", "+", " ", ">45", "<45", "^45", "=+45,", "045", "0=45_x", "e", ".3e", ".2f", "%"]:
    print(repr(spec), format(big, spec), format(-big, spec))
print(f"{2 ** 64:,} {-(2 ** 70):#x} {10 ** 20:>30} {3 ** 50!r}")
print("%d|%i|%x|%X|%o|%#x|%40d|%-40d|%+d" % (big, -big, big, big, big, -big, big, big, big))
print("%d %x" % (1e30, 2 ** 80), "%.3d" % (2 ** 65))
print(format(1, "0=20,"), format(-5, "012_"), format(255, "#010_x"))
for bad in ["c", "s", ".3"]:
    try:
        format(big, bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    format(10 ** 400, "f")
except OverflowError as e:
    print("OverflowError", e)
