import json

doc = '''
{
  "name": "aio", "list": [1, -2, 3.5, 1e3, -0.25E-2, true, false, null],
  "nested": {"empty": {}, "none": []},
  "text": "line\\nnext \\"quoted\\" \\u00e9\\ud83d\\ude00 \\/ \\\\"
}
'''
obj = json.loads(doc)
print(obj)
print(json.loads("  42  "), json.loads('"s"'), json.loads("NaN"), json.loads("-Infinity"))
print(json.loads(json.dumps({"round": [1, 2.5, "trip"]})))
print(json.JSONDecoder().raw_decode('[1, 2] trailing'))
