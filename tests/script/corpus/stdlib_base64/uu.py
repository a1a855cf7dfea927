import binascii

for s in [b"", b"a", b"ab", b"abc", b"abcd", b"hello world", bytes(range(45)), b"\x00\x00\x00", b"\xff" * 5]:
    e = binascii.b2a_uu(s)
    print(e, binascii.b2a_uu(s, backtick=True), binascii.a2b_uu(e) == s, binascii.a2b_uu(binascii.b2a_uu(s, backtick=True)) == s)
for s in [b"", b"!80``\n", b"#86)C\n", b"#86)C", b"#86", b"#86)C  \n", b"#86)C``", b"#86)Cxx", b"#8\x016)C", b"\n", b" ", "#86)C\n", b"M" + b"!" * 70]:
    try:
        print(s, binascii.a2b_uu(s))
    except binascii.Error as e:
        print(s, "Error:", e)
try:
    binascii.b2a_uu(b"x" * 46)
except binascii.Error as e:
    print("Error:", e)
