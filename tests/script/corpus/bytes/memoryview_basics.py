# memoryview over bytes and bytearray.
buf = bytearray(b'abcdef')
m = memoryview(buf)
print(len(m), m[0], m[1:3].tobytes(), bytes(m[::2]), m.tolist()[:2], m.readonly, m.nbytes, m.format, m.itemsize)
m[0] = 65; m[1:3] = b'BC'; print(buf, m.obj is buf, m == b'ABCdef')
try:
    buf.append(1)
except BufferError as e:
    print('BufferError', e)
m.release(); buf.append(33); print(buf)
try:
    len(m)
except ValueError as e:
    print('ValueError', e)
with memoryview(b'xyz') as r:
    print(r[-1], r.hex())
    try:
        r[0] = 1
    except TypeError as e:
        print('TypeError', e)
print(repr(r).startswith('<released memory'), list(memoryview(b'abc')[::2]))
