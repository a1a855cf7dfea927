# if/elif/else picks the first true branch.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"
print([grade(s) for s in (95, 90, 85, 72, 10)])
x = 0
if x:
    print("not printed")
elif x == 0:
    print("zero")
if []:
    print("empty list is true?")
else:
    print("empty list is false")
if not None and "text":
    print("both conditions hold")
