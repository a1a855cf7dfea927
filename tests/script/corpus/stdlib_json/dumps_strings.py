import json

s = 'quote " backslash \\ newline \n tab \t bell \x07 del \x7f e-acute \u00e9 smile \U0001f600'
print(json.dumps(s))
print(json.dumps(s, ensure_ascii=False))
print(json.dumps({"\u00e9": "cl\u00e9"}), json.dumps({"\u00e9": "cl\u00e9"}, ensure_ascii=False))
