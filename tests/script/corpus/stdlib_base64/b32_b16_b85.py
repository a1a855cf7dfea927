import base64, binascii

for s in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", b"\x00\xff" * 7]:
    e = base64.b32encode(s)
    print(e, base64.b32decode(e) == s, base64.b32hexencode(s), base64.b32hexdecode(base64.b32hexencode(s)) == s)
print(base64.b32decode("MZXW6YTB"), base64.b32decode(b"mzxw6ytb", casefold=True))
print(base64.b32decode(b"MZXW6YQ="), base64.b32decode(b"ME======"))
print(base64.b32decode(b"0Q======", map01=b"L"), base64.b32decode(b"M1======", map01="L"), base64.b32decode(b"M1======", map01=b"I"))
for s in [b"mzxw6ytb", b"MZXW6YT", b"MZXW6YT1", b"MZXW6Y==", b"M=======", b"MZXW6YTBOI======", b"MZ=W6YTB", b"MZXW====", b"MZX=====", b"MZXW6==="]:
    try:
        print(s, base64.b32decode(s))
    except binascii.Error as e:
        print(s, "Error:", e)
try:
    base64.b32encode("str")
except TypeError as e:
    print("TypeError", e)
# base16
print(base64.b16encode(b"\x01\xab\xff hi"), base64.b16decode(b"01ABFF"), base64.b16decode("0aFf", casefold=True))
for s in [b"01abff", b"0G", b"ABC", "zz"]:
    try:
        print(s, base64.b16decode(s))
    except binascii.Error as e:
        print(s, "Error:", e)
# base85
for s in [b"", b"a", b"ab", b"abc", b"abcd", b"hello world", b"\x00\x00\x00\x00", b"\xff" * 9, b"    "]:
    e = base64.b85encode(s)
    print(e, base64.b85encode(s, pad=True), base64.b85decode(e) == s)
print(base64.b85decode("Xk~0{Zy<MXa%^M"), base64.b85decode(b"VPa"))
for s in [b"VPa\"", b"|NsC1", b"~~~~~"]:
    try:
        print(s, base64.b85decode(s))
    except ValueError as e:
        print(s, "ValueError:", e)
# ascii85
for s in [b"", b"a", b"abcd", b"hello world", b"\x00\x00\x00\x00x", b"    ab", b"\xff" * 8]:
    print(base64.a85encode(s), base64.a85encode(s, pad=True), base64.a85encode(s, foldspaces=True), base64.a85decode(base64.a85encode(s)) == s)
long = b"Man is distinguished, not only by his reason, but by this singular passion"
print(base64.a85encode(long, adobe=True))
print(base64.a85encode(long, wrapcol=20))
print(base64.a85encode(long, wrapcol=20, adobe=True))
print(base64.a85encode(b"ab", wrapcol=1, adobe=True))
print(base64.a85decode(base64.a85encode(long, adobe=True), adobe=True) == long)
print(base64.a85decode(b"9jqo^BlbD-BleB1DJ+*+F(f,q"), base64.a85decode(b"z"), base64.a85decode(b"y", foldspaces=True))
print(base64.a85decode(b"9jqo^ Blb\nD-BleB1DJ+*+F(f,q"), base64.a85decode(b"@:E_WAS,RgBkhF\"D/O92=<~>", adobe=True))
for s, kw in [(b"9jqo^Blb", {"adobe": True}), (b"ab z", {}), (b"ab y", {"foldspaces": True}), (b"ab{", {}), (b"s8W-\"", {}), (b"uuuuu", {}), (b"a b", {"ignorechars": b""})]:
    try:
        print(s, base64.a85decode(s, **kw))
    except ValueError as e:
        print(s, "ValueError:", e)
