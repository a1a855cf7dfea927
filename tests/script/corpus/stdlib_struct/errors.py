import struct

def t(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(f.__name__, a, r)

big = 9223372036854775807
for fmt in "bBhHiIlLqQnN":
    for mode in "@<=>!":
        if mode != "@" and fmt in "nN":
            continue
        for v in [big, -big - 1, 1 << 40, -(1 << 40), 300, -1, 1.5, "1", None, b"a"]:
            t(struct.pack, mode + fmt, v)
for v in [big, -big - 1, -1, 3.0]:
    t(struct.pack, "P", v)
for mode in "@<>":
    for v in [1, b"", b"ab", "a", bytearray(b"a"), None]:
        t(struct.pack, mode + "c", v)
t(struct.pack, "s", "str")
t(struct.pack, "p", "x")
t(struct.pack, "3s", 1)
t(struct.pack, "i", 1, 2)
t(struct.pack, "2i", 1)
t(struct.pack, "2s", b"a", b"b")
t(struct.pack, "i3xs", 1)
for fmt in ["y", "3", "<P", "=n", ">N", "3 i", "i@", "<>i", "i-", "1 2i", "9223372036854775808i", "99999999999999999999s", "4611686018427387904i"]:
    t(struct.calcsize, fmt)
t(struct.Struct, 5)
t(struct.pack, 5)
t(struct.calcsize, 1.5)
t(struct.pack)
t(struct.unpack, "i")
t(struct.unpack, "i", b"a", 2)
t(struct.unpack, "i", b"abc")
t(struct.unpack, "<q", b"abc")
t(struct.unpack, "i", b"abcde")
t(struct.unpack, "i", "abcd")
t(struct.unpack, "i", 5)
t(struct.pack, "i", 2.0)
t(struct.pack, "d", "1.0")
t(struct.pack, "f", None)
class F:
    def __float__(self):
        return 2.5
t(struct.pack, "i", 1.0 + 1.5)
print(struct.pack("<d", F()))
try:
    struct.pack("i", F())
except struct.error as e:
    print("F:", e)
print(issubclass(struct.error, Exception), struct.error.__name__, struct.error.__module__)
try:
    struct.pack("h", 40000)
except struct.error as e:
    print("caught", e)
