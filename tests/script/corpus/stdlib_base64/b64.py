import base64, binascii

for s in [b"", b"a", b"ab", b"abc", b"abcd", b"\xfb\xff\xfe", b"hello world!", bytes(range(60))]:
    e = base64.b64encode(s)
    print(e, base64.b64decode(e) == s, base64.standard_b64encode(s) == e)
print(base64.b64encode(b"\xfb\xff\xbf", altchars=b"-_"), base64.b64encode(b"\xfb\xff\xbf", b"*$"))
print(base64.b64decode(b"-_-_", altchars=b"-_"), base64.b64decode("*$*$", "*$"))
print(base64.urlsafe_b64encode(b"\xfb\xff\xbf\xfe"), base64.urlsafe_b64decode(b"-_-_-g=="))
print(base64.urlsafe_b64decode("-_-_"), base64.standard_b64decode("Zm9v"))
print(base64.b64decode("aGVsbG8="), base64.b64decode(bytearray(b"aGk=")), base64.b64decode(memoryview(b"aGk=")))
print(base64.b64decode(b"aGVs\nbG8=\n"), base64.b64decode(b"aGVs!bG8="))
for s in [b"aGVsbG8=", b"aGVs bG8=", b"aGVsbG8", b"aGVsbG8==", b"aGVsbG8===", b"aGVs*G8=", b"", b"YQ==", b"YQ"]:
    try:
        print(s, base64.b64decode(s, validate=True))
    except binascii.Error as e:
        print(s, "Error:", e)
for s in [b"aGVsbG8", b"a", b"abcde", b"ab=", b"YWJj\x00"]:
    try:
        print(s, base64.b64decode(s))
    except binascii.Error as e:
        print(s, "Error:", e, isinstance(e, ValueError))
for bad in [12, None, 3.5, ["a"]]:
    try:
        base64.b64decode(bad)
    except TypeError as e:
        print("TypeError", e)
for bad in [12, "str"]:
    try:
        base64.b64encode(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    base64.b64decode("h\u00e9llo")
except ValueError as e:
    print("ValueError", e)
try:
    base64.b64encode(b"x", altchars=b"-")
except AssertionError as e:
    print("AssertionError", e)
# encodebytes wraps at 76 characters
eb = base64.encodebytes(bytes(range(100)))
print(eb)
print(base64.decodebytes(eb) == bytes(range(100)))
print(base64.encodebytes(b""), base64.encodebytes(b"x"), base64.decodebytes(b"eA==\n"))
for bad in ["str", 5]:
    try:
        base64.encodebytes(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    base64.decodebytes("eA==")
except TypeError as e:
    print("TypeError", e)
# a typical round trip of text
text = "Grüße, 世界!"
enc = base64.b64encode(text.encode("utf-8")).decode("ascii")
print(enc, base64.b64decode(enc).decode("utf-8") == text)
try:
    base64.b64encode(b"\xfb\xff", altchars="-_")
except TypeError as e:
    print("TypeError", e)
print(base64.b64encode(b"\xfb\xff", altchars=bytearray(b"-_")), base64.b64encode(b"\xfb\xff", memoryview(b"._")))
