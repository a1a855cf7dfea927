# while/else: else runs when the condition becomes false, not after break.
def find(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            print("found", target, "at", i)
            break
        i += 1
    else:
        print(target, "not found")
find([3, 5, 7], 5)
find([3, 5, 7], 4)
n = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print("even", n)
print("n ends at", n)
