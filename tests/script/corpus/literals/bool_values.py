# bool is an int subtype; and/or return an operand, not a bool.
print(True + True, True * 10, False - 1)
print(0 or "x", "" or [] or None, 3 and 4, 0 and 4)
print(not 0, not [], not "a", not None)
print(bool(0), bool(0.0), bool(""), bool("0"), bool([]), bool([0]), bool({}), bool(None))
print(True == 1, False == 0, True is True, isinstance(True, int))
print(str(True), repr(False), int(True))
