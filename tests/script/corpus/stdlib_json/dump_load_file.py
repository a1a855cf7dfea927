import io
import json

buf = io.StringIO()
json.dump({"k": [1, 2, {"z": None}]}, buf, indent=2)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
