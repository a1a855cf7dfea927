# Concatenating str and int is a TypeError with a precise message.
try:
    "count: " + 5
except TypeError as e:
    print(e)
try:
    5 + "x"
except TypeError as e:
    print(e)
try:
    "x" * "y"
except TypeError as e:
    print(e)
print("count: " + str(5))
