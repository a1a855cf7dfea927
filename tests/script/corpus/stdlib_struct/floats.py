import math
import struct

vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.0, 0.1, -0.1, 1.0 / 3, 3.141592653589793, 65504.0, 65519.99,
        6.1e-05, 6.103515625e-05, 2.9802322387695312e-08, 2.98023223876953125e-08,
        1e-08, 1e-20, 1.0009765625, 1.00048828125, 1.000732421875, 1.0014648437500,
        3.4028234663852886e+38, 3.4028235e+38, 1.401298464324817e-45, 7e-46, 1e-46, 1.1754943508222875e-38,
        1.17549421e-38, 16777217.0, 16777219.0, 2049.0, 2051.0, 1e10, 1e38, 1e-38, 1e-39, 1e-44, 123.456,
        2.2250738585072014e-308, 5e-324, 1e-310, 1.7976931348623157e+308, 1e300, -1e-300,
        float("inf"), float("-inf"), float("nan"), -float("nan")]
for v in vals:
    row = [repr(v)]
    for code in "efd":
        for mode in "<>@":
            try:
                p = struct.pack(mode + code, v)
                back = struct.unpack(mode + code, p)[0]
                row.append("%s%s=%s->%r" % (mode, code, p.hex(), back))
            except OverflowError as e:
                row.append("%s%s:%s" % (mode, code, e))
    print(" ".join(row))
for v in [math.inf, -math.inf, math.nan]:
    print(struct.unpack("<d", struct.pack("<d", v)), struct.unpack("<f", struct.pack("<f", v)), struct.unpack("<e", struct.pack("<e", v)))
print(math.copysign(1.0, struct.unpack("<d", struct.pack("<d", -0.0))[0]))
print(math.copysign(1.0, struct.unpack(">e", struct.pack(">e", -0.0))[0]))
print(struct.unpack("<e", b"\x01\x00")[0] * 2 ** 24, struct.pack("<e", 3e-08), struct.unpack("<e", b"\xff\x03"), struct.unpack("<e", b"\x00\x04"), struct.unpack("<e", b"\x01\x7c"))
print(struct.unpack("<f", b"\x01\x00\x00\x00"), struct.unpack("<f", b"\x01\x00\x80\x7f"), struct.unpack(">f", b"\x7f\x7f\xff\xff"))
print(struct.unpack("<d", b"\x01" + b"\x00" * 7), struct.unpack(">d", b"\x7f\xef\xff\xff\xff\xff\xff\xff"))
print(struct.pack("<3d", 1, 2, 3.5), struct.pack(">f", True), struct.pack("<e", 7))
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 3
print(struct.pack("<d", F()), struct.pack("<f", I()))
print(struct.pack("@f", 1e300), struct.pack("@f", -1e39), struct.pack("=f", 3.4028235e38))
for fmt, v in [("<f", 1e300), ("=f", -1e39), (">f", 3.4028236e38), ("<e", 65520.0), ("@e", 1e6), ("<e", -70000.0)]:
    try:
        struct.pack(fmt, v)
    except OverflowError as e:
        print(fmt, v, "OverflowError", e)
# a few patterns: every 16-bit half value round-trips through e
ok = 0
for b in range(0, 65536, 7):
    raw = bytes([b & 255, b >> 8])
    v = struct.unpack("<e", raw)[0]
    if v != v:
        ok += 1
        continue
    if struct.pack("<e", v) == raw:
        ok += 1
print("half round trips", ok)
