# Many doubles, built from pseudo-random bit patterns, packed as e/f/d: only bytes printed.
import struct

state = 12345
def nxt():
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state

lines = []
for i in range(400):
    # exponents spread over the interesting ranges of half and single precision
    hi = nxt() % 65536
    lo = nxt()
    exp = [1023 - 30 + nxt() % 50, 1023 - 160 + nxt() % 300, nxt() % 2047][i % 3]
    mant_hi = nxt() % 1048576
    word_hi = ((nxt() % 2) << 31) | (exp << 20) | mant_hi
    raw = struct.pack("<II", lo, word_hi)
    v = struct.unpack("<d", raw)[0]
    out = [raw.hex()]
    for fmt in ("<f", ">f", "@f", "<e"):
        try:
            out.append(struct.pack(fmt, v).hex())
        except OverflowError:
            out.append("overflow")
    back = struct.unpack("<f", struct.pack("@f", v))[0]
    out.append(struct.pack("<d", back).hex())
    lines.append(" ".join(out))
print("\n".join(lines))
