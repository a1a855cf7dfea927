# Literals with escapes, implicit concatenation, raw bytes, repr and str().
print(b'a\x00\t\n\r\x7f\x80\\', b"'", b'"', b'\'"', rb'\x41\n', b'\101\u00e9', b'a' b'b')
print(repr(bytearray(b"a'")), str(b'x'), format(b'x'), '{}'.format(b'a'), f'{b"x"}', '%s' % b'a')
print(len(b'\xff\x00'), b'' == b'', bool(b''), bool(b'\x00'))
