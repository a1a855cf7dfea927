# repr picks quotes and escapes like CPython.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "line\nbreak",
          "back\\slash", "é ü", "\x00\x7f", ""]:
    print(repr(s))
print([ "a", 'b' ], ("it's",))
print(str("x"), repr(repr("x")))
