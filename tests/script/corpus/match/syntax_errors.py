# match's compile-time errors, word for word as CPython's.
sources = [
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case {**rest, 'k': v}:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case {'k': 1, 'k': 2}:\n        pass\n",
    "match x:\n    case Point(x=1, x=2):\n        pass\n",
    "match x:\n    case Point(x=1, 2):\n        pass\n",
    "match x:\n    case 1 + 2:\n        pass\n",
    "match x:\n    case a | _:\n        pass\n",
    "match x:\n    case _ as y:\n        pass\n    case 2:\n        pass\n",
    "match x:\n    case 1 as _:\n        pass\n",
    "match x:\n    case f():\n        pass\n    case (1 as a) | (2 as b):\n        pass\n",
]
for src in sources:
    try:
        exec(src, {"x": 0})
        print("compiled")
    except SyntaxError as e:
        print(f"SyntaxError: {e.msg} (line {e.lineno})")

# match and case stay ordinary names everywhere else.
match = [1, 2]
case = {"a": 1}
print(match, case, match[0])
def match_(match, case=None):
    return match, case
print(match_(match=3, case=4))
match (1, 2):
    case (match, case):
        print("bound", match, case)
