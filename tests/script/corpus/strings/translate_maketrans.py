# str.translate with dicts, maketrans tables and mapping objects, and the errors.
table = str.maketrans("abc", "xyz", "!")
print(sorted(table.items()), "aabbcc!d".translate(table))
print("héllo wörld".translate({ord("é"): "e", ord("ö"): "oe", ord(" "): None}))
print("abc".translate({97: "AA", 98: 66, 99: None}), "naïve".translate(str.maketrans({"ï": "i"})))
leet = str.maketrans({"a": "4", "e": "3", "o": "0"})
print("hello world".translate(leet), "".translate(leet))


class Upper:
    def __getitem__(self, code):
        if code == ord(" "):
            raise LookupError(code)
        return chr(code).upper()


print("mixed Case text".translate(Upper()))
for bad in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans([1]),
            lambda: "a".translate({97: 2 ** 30}), lambda: "a".translate({97: 1.5}), lambda: str.maketrans({1.5: 1}),
            lambda: str.maketrans("a", 1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
