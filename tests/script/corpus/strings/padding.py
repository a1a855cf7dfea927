# Alignment helpers.
print("[" + "ab".center(7) + "]")
print("[" + "ab".center(7, "*") + "]")
print("[" + "ab".ljust(5) + "]", "[" + "ab".rjust(5, ".") + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("[" + "toolong".center(3) + "]")
