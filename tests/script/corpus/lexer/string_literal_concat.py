# Adjacent string literals concatenate at compile time; triple quotes keep newlines.
s = "abc" 'def' "ghi"
print(s)
t = ("one "
     "two "
     'three')
print(t)
doc = """first line
  second line
third"""
print(doc)
print(len(doc.splitlines()))
e = '''it's "quoted"'''
print(e)
