import binascii

for s in [b"", b"a", b"abc", b"hello world", b"The quick brown fox jumps over the lazy dog",
          bytes(range(256)), b"\x00" * 100]:
    print(s[:12], binascii.crc32(s), "%X" % binascii.crc32(s))
# running crc over pieces equals the crc of the whole
whole = b"hello, incremental crc"
c = 0
for i in range(0, len(whole), 5):
    c = binascii.crc32(whole[i:i + 5], c)
print(c == binascii.crc32(whole), c)
print(binascii.crc32(b"abc", 12345), binascii.crc32(b"abc", 0xFFFFFFFF), binascii.crc32(b"x", -1))
print(binascii.crc32(bytearray(b"ba")), binascii.crc32(memoryview(b"mv")))
print(binascii.crc_hqx(b"123456789", 0), binascii.crc_hqx(b"123456789", 0xFFFF), binascii.crc_hqx(b"", 7))
print("%08x" % (binascii.crc32(b"zip me") & 0xffffffff))
try:
    binascii.crc32("text")
except TypeError as e:
    print("TypeError", e)
