# Searching in strings.
s = "mississippi"
print(s.find("ss"), s.find("ss", 3), s.rfind("ss"), s.find("zz"))
print(s.index("p"), s.rindex("s"), s.count("s"), s.count("ss"), s.count(""))
print("sip" in s, "spa" in s, "" in s)
print(s.startswith("miss"), s.endswith("pi"), s.startswith(("x", "mi")), s.startswith("ss", 2))
try:
    s.index("q")
except ValueError as e:
    print("ValueError:", e)
