# struct as programs use it: file headers, network packets, records.
import struct

# A BMP-like little-endian header
hdr = struct.pack("<2sIHHI", b"BM", 70, 0, 0, 54)
print(hdr, len(hdr), struct.unpack("<2sIHHI", hdr))
# A network packet: version, flags, length, sequence (network byte order)
pkt = struct.pack("!BBHI", 4, 0x80, 20, 1000000)
print(pkt.hex(), struct.unpack("!BBHI", pkt))
ver, flags, length, seq = struct.unpack_from("!BBHI", pkt + b"tail", 0)
print(ver, flags & 0x80 != 0, length, seq)
# Records with a Struct and iter_unpack
Point = struct.Struct("<hhf")
blob = b"".join(Point.pack(x, -x, x / 4) for x in range(5))
print(len(blob), Point.size, [p for p in Point.iter_unpack(blob)])
for x, y, w in Point.iter_unpack(blob):
    print("%d,%d %.2f" % (x, y, w), end="; ")
print()
# Fixed-size strings, nul padded
Rec = struct.Struct("8s i ?")
rows = [Rec.pack(name.encode(), age, age >= 18) for name, age in [("alice", 30), ("bob", 12), ("carolinexyz", 44)]]
for r in rows:
    name, age, adult = Rec.unpack(r)
    print(name.rstrip(b"\0").decode(), age, adult, Rec.size)
# Writing into a preallocated buffer
buf = bytearray(16)
struct.pack_into("<I", buf, 0, 0xDEADBEEF)
struct.pack_into(">d", buf, 8, 1.5)
print(buf.hex(), struct.unpack_from(">d", buf, 8), struct.unpack_from("<I", buf))
# Endianness demo
for fmt in ["<I", ">I", "=I", "@I", "!I"]:
    print(fmt, struct.pack(fmt, 1).hex())
print(struct.calcsize("@ci"), struct.calcsize("<ci"), struct.calcsize("@ic"), struct.calcsize("@ic0i"))
