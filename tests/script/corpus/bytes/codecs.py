# str.encode / bytes.decode: utf-8, ascii, latin-1 and the error handlers.
s = 'héllo €'
print(s.encode(), s.encode('utf-8').decode(), 'abc'.encode('ascii'), 'é'.encode('latin-1'), b'\xe9'.decode('latin-1'))
print(s.encode('ascii', 'ignore'), s.encode('ascii', 'replace'), s.encode('ascii', 'backslashreplace'),
      s.encode('ascii', 'xmlcharrefreplace'))
bad = b'a\xffb\xe4\xb8'
print(bad.decode('utf-8', 'ignore'), bad.decode('utf-8', 'replace'), bad.decode('utf-8', 'backslashreplace'))
esc = bad.decode('utf-8', 'surrogateescape')
print(ascii(esc), esc.encode('utf-8', 'surrogateescape') == bad)
for f in (lambda: b'\xff'.decode(), lambda: b'\xe4\xb8'.decode(), lambda: b'\xe4\x41'.decode(),
          lambda: b'\xe4\xb8\x41'.decode(), lambda: b'\xc3'.decode('ascii'), lambda: '\xe9t\xe9'.encode('ascii'),
          lambda: '\xe9\xe9'.encode('ascii'), lambda: '\u20ac'.encode('latin-1'), lambda: b'a'.decode('nope'),
          lambda: b'\xff'.decode('utf-8', 'bogus'), lambda: b'\xed\xa0\x80'.decode()):
    try:
        f()
    except UnicodeError as e:
        print(type(e).__name__, e, e.start, e.end, e.reason)
    except LookupError as e:
        print(type(e).__name__, e)
