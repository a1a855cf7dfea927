# strip/lstrip/rstrip with and without a character set.
s = "  \t padded \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "--a--".lstrip("-"), "--a--".rstrip("-"))
print(repr("".strip()), repr("   ".strip()))
print("www.example.com".strip("cmowz."))
