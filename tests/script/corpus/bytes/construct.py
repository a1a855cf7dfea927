# bytes() and bytearray() constructor forms and their errors.
print(bytes(), bytes(3), bytes([65, 66]), bytes(b'xy'), bytes('é', 'utf-8'), bytes(range(3)))
print(bytearray(b'ab'), bytearray(2), bytearray('hi', 'ascii'), bytes(bytearray(b'q')))
print(bytes(x for x in (1, 2)), bytes(memoryview(b'mv')))
for make in (lambda: bytes('a'), lambda: bytes(-1), lambda: bytes([256]), lambda: bytearray([256]),
             lambda: bytes(['a']), lambda: bytes(1.5), lambda: bytearray(1.5), lambda: bytes(1, 'utf-8'),
             lambda: bytes('a', 5)):
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
print(type(b'') is bytes, isinstance(bytearray(), bytes), type(bytearray()).__name__)
