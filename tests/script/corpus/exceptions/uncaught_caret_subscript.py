# Subscript and attribute failures get their own underline.
config = {"db": {"host": "localhost"}}
print(config["db"]["host"])
port = config["db"]["port"] + 1
