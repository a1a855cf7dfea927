# int.to_bytes / int.from_bytes, the bridge between ints and the bytes a socket carries.
n = 2 ** 100 + 0xABCDEF
b = n.to_bytes(13, "big")
print(b, len(b), int.from_bytes(b, "big") == n, int.from_bytes(b, "little"))
print((1024).to_bytes(2, "little"), (0).to_bytes(0, "big"), (255).to_bytes(), int.from_bytes(b"\x01\x00"))
print((-1).to_bytes(20, "big", signed=True), (-128).to_bytes(1, "big", signed=True), (127).to_bytes(1, "big", signed=True))
print(int.from_bytes(b"\xff" * 12, "little", signed=True), int.from_bytes(b"\x80" + b"\x00" * 15, "big", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x00\x01"), byteorder="little"), int.from_bytes(b""))
for call in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(4, "big"), lambda: (128).to_bytes(1, "big", signed=True),
             lambda: (-129).to_bytes(1, "big", signed=True), lambda: (1).to_bytes(-1, "big"), lambda: (1).to_bytes(2, "middle"),
             lambda: int.from_bytes("ab", "big"), lambda: (2 ** 64).to_bytes(8, "little")]:
    try:
        call()
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
