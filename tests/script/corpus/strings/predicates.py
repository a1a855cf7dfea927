# Character-class predicates.
for s in ["123", "abc", "abc123", "   ", "", "Hello", "HELLO", "hello", "12.5", "x_y"]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
print("Title Case".istitle(), "not Title".istitle())
print("name_1".isidentifier(), "1name".isidentifier())
