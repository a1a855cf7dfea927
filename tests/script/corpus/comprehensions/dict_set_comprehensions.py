# Dict and set comprehensions.
squares = {n: n * n for n in range(5)}
print(squares)
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
print(sorted({len(w) for w in ["x", "yy", "zz", "www"]}))
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, {ch: n for ch, n in counts.items() if n > 1})
