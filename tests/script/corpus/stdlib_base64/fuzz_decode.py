# Pseudo-random inputs over a small alphabet (digits, '=', junk): every decoder's result or
# error message must match CPython's.
import base64
import binascii

state = 2024
def nxt(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n

alpha = b"QUJD=xy+/ \n!-_01"
results = []
for i in range(600):
    n = nxt(12)
    s = bytes(alpha[nxt(len(alpha))] for _ in range(n))
    row = [repr(s)]
    for name, fn in [("std", lambda v: binascii.a2b_base64(v)),
                     ("strict", lambda v: binascii.a2b_base64(v, strict_mode=True)),
                     ("validate", lambda v: base64.b64decode(v, validate=True)),
                     ("url", lambda v: base64.urlsafe_b64decode(v)),
                     ("b32", lambda v: base64.b32decode(v, casefold=True, map01=b"L")),
                     ("b16", lambda v: base64.b16decode(v, casefold=True)),
                     ("a85", lambda v: base64.a85decode(v)),
                     ("b85", lambda v: base64.b85decode(v))]:
        try:
            row.append("%s=%r" % (name, fn(s)))
        except (ValueError, TypeError) as e:
            row.append("%s!%s:%s" % (name, type(e).__name__, e))
    results.append(" ".join(row))
print("\n".join(results))

# Valid characters and padding only, so strict mode reaches its other errors.
results = []
for alpha, count in [(b"QUJDZm9v==", 400), (b"MZXW6===", 300)]:
    for i in range(count):
        n = nxt(13)
        s = bytes(alpha[nxt(len(alpha))] for _ in range(n))
        row = [repr(s)]
        for name, fn in [("std", lambda v: binascii.a2b_base64(v)),
                         ("strict", lambda v: binascii.a2b_base64(v, strict_mode=True)),
                         ("b32", lambda v: base64.b32decode(v))]:
            try:
                row.append("%s=%r" % (name, fn(s)))
            except ValueError as e:
                row.append("%s!%s" % (name, e))
        results.append(" ".join(row))
print("\n".join(results))
