# Method calls chain left to right.
text = """
  Alpha
  beta
  GAMMA
"""
lines = [line.strip().lower() for line in text.strip().splitlines()]
print(lines)
print(", ".join(lines).title().replace(",", ";"))
print(text.count("\n"), text.strip().count("\n"))
