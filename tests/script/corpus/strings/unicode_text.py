# Strings are sequences of code points, not bytes.
s = "héllo wörld"
print(len(s), s[1], s[-4], s.upper())
print(s[1:5])
print("日本語", len("日本語"), "日本語"[1])
print("naïve".find("v"), "café".endswith("é"))
print(repr("ß"), "ß" < "z")
