# b'...' % args (PEP 461).
print(b'%d %s %b' % (1, b'x', bytearray(b'y')), b'%5s|%-4b|' % (b'ab', b'c'), b'%x %X %o %05.1f' % (255, 255, 8, 2.25))
print(b'%r %a %c %c %%' % ('é', b'q', 65, b'z'), b'%(k)s' % {b'k': b'v'}, bytearray(b'%d') % 5)
for f in (lambda: b'%d' % 'x', lambda: b'%s' % 'x', lambda: b'%s %s' % (1,), lambda: b'%c' % 300, lambda: b'%d' % (1, 2)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
