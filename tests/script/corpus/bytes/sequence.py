# Indexing gives ints, slices give bytes, iteration yields ints, in, + and *.
b = b'abcdef'
print(b[0], b[-1], b[1:4], b[::2], b[::-1], b[4:1:-1], list(b[:3]))
print(98 in b, b'cd' in b, b'' in b, b'xz' in b)
print(b + b'!', b + bytearray(b'?'), b'ab' * 3, 2 * b'x', b'ab' * -1, bytearray(b'x') * 2)
print(b'abc' < b'abd', b'ab' < b'abc', b'b' > b'abc', b'a' == bytearray(b'a'), b'a' == 'a')
d = {b'k': 1}
print(d[b'k'], hash(b'k') == hash(bytes([107])))
for f in (lambda: b[10], lambda: bytearray(b)[10], lambda: b['x'], lambda: 'a' in b, lambda: 300 in b,
          lambda: b + 'x', lambda: b * 'x', lambda: b < 'a', lambda: hash(bytearray())):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
