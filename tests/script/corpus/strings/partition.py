# partition and rpartition always return 3-tuples.
print("key=value=x".partition("="))
print("key=value=x".rpartition("="))
print("novalue".partition("="))
print("novalue".rpartition("="))
k, _, v = "host:8080".partition(":")
print(k, int(v) + 1)
