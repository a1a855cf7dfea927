# Lookahead, lookbehind, backreferences, lazy and possessive quantifiers,
# and the errors re raises for bad patterns and templates.
import re

print(re.findall(r"\w+(?=!)", "hi! there bye!"), re.findall(r"\b(?!un)\w+", "undo redo unzip zip"))
print(re.findall(r"(?<=@)\w+", "a@b c@d"), re.findall(r"(?<!\d)\d{2}(?!\d)", "1 22 333 44"))
print(re.search(r"(\w)\1", "abccd").group(), re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' \"you\"").group())
print(re.match(r"<.*>", "<a><b>").group(), re.match(r"<.*?>", "<a><b>").group(), re.match(r"a{2,3}?", "aaaa").group())
print(re.match(r"x{,2}", "xxx").group(), re.match(r"x{2}", "xxx").group(), re.match(r"x{1,}", "xxx").group())
print(re.match(r"(?:a|ab)c", "abc"), re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.search(r"\Bcat\B", "concatenate"), re.search(r"\Acat\Z", "cat"), re.search(r"cat\Z", "cat\n"))
print(re.match(r"[^\W\d]+", "abc123"), re.match(r"[\s\S]+", "x\ny").group(), re.match(r"[a\-z]+", "a-z-q").group())
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(a)|(b)", "b").groups("none"), re.match(r"(a)?", "").group(1))
for pattern in ["(?P<1>a)", "(?P<n>a)(?P=m)", "a{3", "(?<!a*)b", "[b-a]", "(?z)", "x++*", "\\1(a)", "(?i", "a|*"]:
    try:
        re.compile(pattern)
        print(repr(pattern), "compiled")
    except re.error as e:
        print(repr(pattern), "->", e.msg, "at", e.pos)
for template in [r"\3", r"\g<x>", r"\g<1"]:
    try:
        re.sub(r"(a)", template, "a")
    except (re.error, IndexError) as e:
        print(repr(template), "->", type(e).__name__, e)
try:
    re.match(r"(a)", "a").group(5)
except IndexError as e:
    print("IndexError", e)
print(re.purge(), re.compile("a") is re.compile("a"))
