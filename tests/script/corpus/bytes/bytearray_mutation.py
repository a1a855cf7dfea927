# bytearray changes in place.
a = bytearray(b'hello')
a.append(33); a.extend(b'??'); a.extend([65, 66]); a.insert(0, 62); a.remove(ord('?'))
print(a, a.pop(), a.pop(0), len(a))
a[0] = 72; a[1:3] = b'EL'; a[-1:] = b''; print(a)
a[::2] = b'1234'; print(a)
del a[0]; del a[::3]; print(a)
b = a.copy(); b.reverse(); print(b, a)
a += b'++'; a *= 2; print(a)
a.clear(); print(a, a == b'')
for f in (lambda: bytearray().pop(), lambda: bytearray(b'a').pop(5), lambda: bytearray(b'a').remove(5),
          lambda: bytearray(b'a').append(256), lambda: bytearray(b'a').append('a'), lambda: a.__setitem__(9, 1)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
c = bytearray(b'ab')
try:
    c[0] = 300
except ValueError as e:
    print('ValueError', e)
try:
    c[::2] = b'xyz'
except ValueError as e:
    print('ValueError', e)
try:
    c[0:1] = 5
except TypeError as e:
    print('TypeError', e)
x = b'imm'
try:
    x[0] = 1
except TypeError as e:
    print('TypeError', e)
