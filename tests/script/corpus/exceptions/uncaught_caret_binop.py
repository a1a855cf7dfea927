# CPython 3.11 underlines the failing part of a line.
def ratio(a, b):
    scaled = a * 100
    return scaled / b + 1

print(ratio(1, 4))
print(ratio(1, 0))
