# repr() of 12,000 doubles (random bit patterns and scaled random values) must
# be CPython's shortest round-trip form; a CRC of them all keeps the output short.
import binascii
import random
import struct

random.seed(7)
reprs = []
for _ in range(6000):
    bits = random.getrandbits(64)
    reprs.append(repr(struct.unpack("<d", struct.pack("<Q", bits))[0]))
    reprs.append(repr(random.random() * 10 ** random.randint(-30, 30)))
print(len(reprs), binascii.crc32("\n".join(reprs).encode()))
print(reprs[:4])
print(repr(2.0 ** -24), 0.1 + 0.2, 1e22, 1e16, 123456789.123456789, 5e-324, 2.0 ** 0.5 * 1e-310)
