# Iterating dicts and their views.
scores = {"ann": 3, "bob": 7, "cy": 5}
for name in scores:
    print(name, scores[name])
for name, s in scores.items():
    print(f"{name}={s}", end=" ")
print()
print(sum(scores.values()), max(scores, key=scores.get), sorted(scores.items(), key=lambda kv: -kv[1]))
keys = scores.keys()
scores["dee"] = 1
print(keys, len(keys))
print(scores.values(), scores.items())
try:
    for k in scores:
        scores["new" + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
