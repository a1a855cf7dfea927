# for/else and loop control with break and continue.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
for ch in "skip-vowels":
    if ch in "aeiou":
        continue
    print(ch, end="")
print()
for i in []:
    print("never")
else:
    print("else after an empty loop")
