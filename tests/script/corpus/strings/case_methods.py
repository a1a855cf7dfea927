# Case conversion methods.
s = "hello World of PYTHON"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("they're bill's".title())
print("ÉCOLE".lower(), "éa".upper())
print("abc".upper().lower() == "abc")
