print("ok")
s = "no end
print(s)
