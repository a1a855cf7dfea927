import binascii

samples = [b"", b"hello", b"caf\xc3\xa9 = ok", b"line one \nline two\t\n", b"trailing space ", b"tab\t",
           b".\nstarts with dot", b".", b"a.b", b"x" * 80, b"y" * 75 + b"\n" + b"z" * 76, b"a=b" * 30,
           b"crlf line \r\nnext\r\n", b"mixed\r\nlone\nend", b"under_score and space", b"\x00\x01\x7f\x80\xff",
           b"=" * 30, b"w " * 40, b"\r", b"\rx", b"end\n", b" \n", b"\t\r\n"]
for s in samples:
    row = [repr(s)]
    for kw in [{}, {"quotetabs": True}, {"istext": False}, {"header": True}]:
        e = binascii.b2a_qp(s, **kw)
        row.append("%r->%s" % (e, binascii.a2b_qp(e, header=kw.get("header", False)) == s))
    print(" | ".join(row))
for s in [b"=41=42", b"=4", b"=", b"==", b"=zz", b"a=\nb", b"a=\r\nb", b"a=  \nb", b"a=\rb\nc", b"_x_", "=3D", b"=4g", b"=a1=B2"]:
    print(repr(s), binascii.a2b_qp(s), binascii.a2b_qp(s, header=True))

state = 99
def nxt(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n

alpha = b"ab =._\t\r\n\xe9\x00" + b"x" * 5
for i in range(200):
    s = bytes(alpha[nxt(len(alpha))] for _ in range(nxt(120)))
    print(binascii.b2a_qp(s), binascii.b2a_qp(s, True, False, True), binascii.a2b_qp(s), binascii.a2b_qp(s, True))
