# sub/subn with templates and functions, split with groups, and the flags.
import re

text = "The Quick brown fox, the LAZY dog; the end"
print(re.sub(r"the", "a", text, flags=re.I))
print(re.subn(r"(?i)the\s+(\w+)", r"<\1>", text))
print(re.sub(r"(\w+) (\w+)", r"\g<2> \g<1>", "one two three four", count=1))
print(re.sub(r"(?P<word>\b\w{3}\b)", lambda m: m["word"].upper(), text))
print(re.sub(r"\s+", " ", "  lots   of\t\tspace \n here "))
print(re.sub("", "-", "abc"), re.sub("b*", "X", "abbc"))
print(re.split(r"[,;]\s*", text), re.split(r"([,;])", text, maxsplit=1), re.split(r"\W+", "...words, and more!"))
print(re.split(r"x*", "axbc"), re.split(r"(?=b)", "abab"))
print(re.findall(r"^\w+", "first line\nsecond line", re.M), re.findall(r"^\w+", "first line\nsecond line"))
print(re.findall(r"line$", "first line\nsecond line", re.MULTILINE), re.search(r".+", "a\nb").group())
print(re.search(r"(?s).+", "a\nb").group(), re.findall(r"[a-z]+", "Ab CD ef", re.IGNORECASE))
print(re.findall(r"\d", "١٢3"), re.findall(r"\d", "١٢3", re.ASCII), re.findall(r"\w+", "naïve café"))
print(re.match(r"(?x) a \  b # comment", "a b"), repr(re.compile("x", re.I | re.S)))
print(re.findall(r"(\w)(\d)?", "a1b c2"), re.findall(r"(?:ab)+", "ababab abab"))
print(re.fullmatch(r"\d+", "123abc"), re.fullmatch(r"\d+|\d+abc", "123abc"))
print(re.escape("1+1=2? [yes] (maybe) $5 ^_^ a-b"), re.escape("tab\there"))
pat = re.compile(r"(\d+)-(\d+)")
print(pat.sub(lambda m: str(int(m[1]) + int(m[2])), "1-2 10-20 x-y"), pat.split("a1-2b3-4c"))
m = pat.search("range 5-9 end")
print(m, m.re is pat, m.string, m.pos, m.endpos, m.lastindex, m.regs)
# After an empty match the next may not be empty at the same place, but may be longer there.
print(re.findall(r"a??", "a"), re.sub(r"a??", "-", "ab"), re.findall(r"|a", "aa"), re.split(r"(?=a)|b", "bab"))
print(re.subn(r"x*", "-", "abxd"), list(m.span() for m in re.finditer(r"\b|x", "ab x")), re.split(r"\W*", "a, b"))
