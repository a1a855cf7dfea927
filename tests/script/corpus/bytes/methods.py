# The methods bytes and bytearray share.
b = b'  Hello, World  '
print(b.strip(), b.lstrip(), b.rstrip(b' d'), b.upper(), b.lower(), b.swapcase(), b.strip().title())
print(b.split(), b.split(b','), b'a,b,,c'.split(b',', 1), b'a b  c'.rsplit(None, 1), b'x\ny\r\nz'.splitlines(True))
print(b.find(b'o'), b.rfind(b'o'), b.index(b'W'), b.count(b'l'), b.count(b''), b.find(111), b.find(b'o', 6, 9))
print(b'-'.join([b'a', bytearray(b'b'), b'c']), b'aXbXc'.replace(b'X', b'--'), b'abc'.replace(b'', b'.'))
print(b'abc'.startswith(b'ab'), b'abc'.endswith((b'x', b'bc')), b'a=b'.partition(b'='), b'a=b=c'.rpartition(b'='))
print(b'ab'.center(6, b'*'), b'ab'.ljust(4), b'ab'.rjust(4, b'0'), b'-42'.zfill(6), b'a\tb'.expandtabs(4))
print(b'123'.isdigit(), b'abc'.isalpha(), b'a1'.isalnum(), b' \t'.isspace(), b'ABC'.isupper(), b'abc'.islower(),
      b'Hi There'.istitle(), b'\x80'.isascii(), b''.isdigit())
print(b'prefix-x'.removeprefix(b'prefix-'), b'x.py'.removesuffix(b'.py'), b'hello'.capitalize())
print(b'\x01\xab\xff'.hex(), b'\x01\x02\x03'.hex(':', 2), b'\x01\x02\x03'.hex('-', -2), bytes.fromhex('01 ab ff'))
print(bytearray.fromhex('6162'), b'abc'.translate(bytes.maketrans(b'ab', b'xy')), b'abc'.translate(None, b'b'))
print(bytearray(b'ab cd').split(), bytearray(b'Ab').upper())
for f in (lambda: b.index(b'z'), lambda: b.partition(b''), lambda: b.center(5, 'x'), lambda: b.find('a'),
          lambda: b.startswith('a'), lambda: b'-'.join(['x']), lambda: bytes.fromhex('0g'), lambda: b.replace('a', 'b'),
          lambda: b.hex('::')):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
