import json

docs = ['', '   ', '[1,]', '{"a":1,}', '[1 2]', '[1', '{"a"', '{', '"abc', '"a\\x"',
        '"\\u12"', '1 2', 'nul', '-', '{"a" 1}', '["a\nb"]', '01', '1.', '{"a":}',
        '{1: 2}', "{'a': 1}", '[1,\n 2,\n ]', 'tru', '[true false]']
for doc in docs:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)

print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads(3)
except TypeError as e:
    print("TypeError:", e)
try:
    json.loads("[")
except ValueError as e:
    print("ValueError:", type(e).__name__, e)
try:
    json.loads("\ufeff[]")
except json.JSONDecodeError as e:
    print(e)
