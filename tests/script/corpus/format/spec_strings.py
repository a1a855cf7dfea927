# Format specs for strings and !r conversions.
s = "abc"
print(f"[{s:>6}] [{s:<6}] [{s:^6}] [{s:-^7}] [{s:.2}] [{s:6.2}]")
print(f"[{s!r:>8}] [{s!r}]")
print(f"[{'':>3}] [{'toolong':3}]")
rows = [("alice", 3), ("bob", 12)]
for who, score in rows:
    print(f"{who:<8}|{score:>4}")
