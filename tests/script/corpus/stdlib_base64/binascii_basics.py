import binascii

print(binascii.hexlify(b"\x00\x01\xfe\xff hello"))
print(binascii.b2a_hex(b"abc"))
print(binascii.hexlify(bytearray(b"xyz")), binascii.hexlify(memoryview(b"mv")))
data = bytes(range(1, 10))
for sep in ("-", b":", " "):
    for n in (1, 2, 3, 4, -1, -2, -4, 8, 9, 10, 0, -9, -10):
        print(repr(sep), n, binascii.hexlify(data, sep, n))
print(binascii.hexlify(b"", "-"))
print(binascii.hexlify(b"\x01", "-"))
print(binascii.hexlify(b"ab", "."))
for bad in [("ab", ""), ("ab", "--"), ("ab", 1), ("ab", "\xe9")]:
    try:
        binascii.hexlify(bad[0].encode(), bad[1])
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(binascii.unhexlify(b"00ff10"), binascii.unhexlify("DEADbeef"), binascii.a2b_hex(b""))
print(binascii.unhexlify(bytearray(b"4142")))
for bad in [b"abc", "zz", b"0g", "1", 12, "\xe9\xe9"]:
    try:
        print(binascii.unhexlify(bad))
    except binascii.Error as e:
        print("Error:", e)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))
print(binascii.Error.__name__, binascii.Incomplete.__name__)
try:
    binascii.hexlify("str")
except TypeError as e:
    print("TypeError", e)
try:
    binascii.hexlify(5)
except TypeError as e:
    print("TypeError", e)

# base64 at the binascii level
for s in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))[:40]]:
    print(binascii.b2a_base64(s), binascii.b2a_base64(s, newline=False))
cases = [b"Zm9v", b"Zm9vYg==", b"Zm9vYmE=", b"Zm9vYg", b"Zm9vY", b"Z", b"Zm9vYmFy\n",
         b"Zm 9v\nYm Fy", b"Zm9v!!YmFy", b"Zm9vYg==garbage", b"Zm9vYg=", b"Zm9v====",
         b"=Zm9v", b"Zm=9v", b"Zm9vYmFyY", b"Z===", b"ZZ=", b"ZZ==ZZ==", "Zm9vYmFy",
         b"", b"====", b"abcde", b"ab=c=d", b"abc=d", b"a\x00b\xffcd"]
for c in cases:
    try:
        print(c, binascii.a2b_base64(c))
    except binascii.Error as e:
        print(c, "Error:", e)
for c in [b"Zm9v", b"Zm9vYg==", b"=Zm9v", b"Zm9v YmFy", b"Zm9vYg==x", b"Zm9vYg=",
          b"Zm9v=", b"Zm=9v", b"Zm9vY", b"Zm9vYmE="]:
    try:
        print(c, binascii.a2b_base64(c, strict_mode=True))
    except binascii.Error as e:
        print(c, "Error:", e)
try:
    binascii.a2b_base64(3)
except TypeError as e:
    print("TypeError", e)
try:
    binascii.a2b_base64("\u20ac")
except ValueError as e:
    print("ValueError", e)
for s in ['\u20ac', 1.5, None, [1], bytearray(b'-'), memoryview(b'-'), '\xe9', b'\xe9']:
    try:
        print(binascii.hexlify(b'ab', s))
    except Exception as e:
        print(type(e).__name__, e)
for n in ['1', 1.0, True]:
    try:
        print(binascii.hexlify(b'ab', '-', n))
    except Exception as e:
        print(type(e).__name__, e)
for c in [b'Zm9v=', b'Zm9v==', b'Zm9v=Yg==', b'Zm9vYg===', b'Zm9vYg==Zm', b'Zm9vY=', b'Zm9vY==',
          b'Zm9vYg=a', b'=', b'Zm9vYg= =', b'Zm9v=\n', b'Zm9vYg==\n', b'Zm9vY===', b'Zm9vY=Yg', b'Zm9v=Yg']:
    try:
        print(c, binascii.a2b_base64(c, strict_mode=True))
    except binascii.Error as e:
        print(c, "Error:", e)
