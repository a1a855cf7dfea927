import struct

for order in "@=<>!":
    for code, vals in [("b", [0, 1, -1, 127, -128]), ("B", [0, 200, 255]),
                       ("h", [0, -2, 32767, -32768]), ("H", [0, 65535, 513]),
                       ("i", [0, -1, 2147483647, -2147483648, 123456]), ("I", [0, 4294967295, 7]),
                       ("l", [0, -1, 2147483647, -2147483648]), ("L", [0, 4294967295]),
                       ("q", [0, -1, 9223372036854775807, -9223372036854775807 - 1, 1 << 40]),
                       ("Q", [0, 9223372036854775807, 1 << 50]), ("?", [0, 1, 5, [], "x"])]:
        fmt = order + code
        packed = [struct.pack(fmt, v) for v in vals]
        print(fmt, struct.calcsize(fmt), packed, [struct.unpack(fmt, p)[0] for p in packed])
for code in "nNP":
    print(code, struct.pack(code, 5), struct.unpack(code, struct.pack(code, 300)), struct.calcsize(code))
print(struct.pack("@n", -3), struct.unpack("@n", struct.pack("@n", -3)), struct.pack("P", -1))
print(struct.pack(">hHiI", -2, 2, -3, 3), struct.pack("<hHiI", -2, 2, -3, 3))
print(struct.pack("3b", 1, 2, 3), struct.pack("2h3B", 1, 2, 3, 4, 5), struct.pack(">2H", 1, 2))
print(struct.unpack(">4b", b"\x80\x7f\xff\x00"), struct.unpack("<2H", b"\x01\x02\x03\x04"), struct.unpack(">2H", b"\x01\x02\x03\x04"))
print(struct.unpack(">q", b"\xff" * 8), struct.unpack("<q", b"\x00" * 7 + b"\x80"), struct.unpack(">Q", b"\x7f" + b"\xff" * 7))
print(struct.unpack("<i", b"\xfe\xff\xff\xff"), struct.unpack("<I", b"\xfe\xff\xff\x7f"))
print(struct.pack("c", b"x"), struct.pack("3c", b"a", b"b", b"c"), struct.unpack("2c", b"hi"))
print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcdef"), struct.pack("s", b""), struct.pack("0s", b"zz"), struct.pack("3s", bytearray(b"xyz")))
print(struct.unpack("5s", b"ab\x00\x00\x00"), struct.unpack("3s2s", b"abcde"))
print(struct.pack("5p", b"ab"), struct.pack("3p", b"abcdef"), struct.pack("0p", b"ab"), struct.pack("1p", b"ab"))
print(struct.unpack("5p", b"\x09abcd"), struct.unpack("3p", b"\x01xy"), struct.pack("300p", b"a" * 299)[:3])
print(struct.pack("3x"), struct.pack("x2xb", 5), struct.unpack("x2xb", b"\x00\x00\x00\x05"), struct.pack("bxh", 1, 2), struct.pack("<bxh", 1, 2))
print(struct.unpack("??", b"\x00\x05"), struct.pack("?", None), struct.pack("?", "nonempty"))
class Idx:
    def __index__(self):
        return 42
print(struct.pack("i", Idx()), struct.pack(">q", Idx()), struct.pack("B", True))
print(struct.pack(b"<h", 1), struct.unpack(b">h", b"\x00\x02"), struct.unpack("<h", bytearray(b"\x03\x00")), struct.unpack("<h", memoryview(b"\x04\x00")))
# sizes and native alignment
for fmt in ["@bi", "=bi", "<bi", "@ib", "@b0i", "@bq", "@hd", "@c3sP", "@be", "@b?H", "@bf", "@bl", "<bl", "@bn",
            "@xi", "@3si", "@5pq", "@bhbi", "@bhbq", "@0q", "", "@", "<", "i i", " \ti\n", "@q0b", "@bbbbbbbbd",
            "10s", "10p", "10x", "@b10x2i", "!2H", "@N", "@2e", "@hbh", "999999999999999999i", "@?e?d"]:
    print(repr(fmt), struct.calcsize(fmt))
