# replace with and without a count.
s = "one fish two fish red fish"
print(s.replace("fish", "cat"))
print(s.replace("fish", "cat", 2))
print(s.replace("", "-", 3))
print("aaaa".replace("aa", "b"))
print(s.replace("whale", "x") == s)
