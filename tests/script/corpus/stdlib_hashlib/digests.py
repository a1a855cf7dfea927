# hashlib's digests against known inputs: empty, short, block-boundary and
# long messages, incremental updates, copies, and the errors.
import hashlib

names = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]
messages = [b"", b"abc", b"a" * 55, b"a" * 56, b"a" * 63, b"a" * 64, b"a" * 111, b"a" * 112, b"a" * 128,
            bytes(range(256)) * 5, "héllo wörld".encode()]
for name in names:
    ctor = getattr(hashlib, name)
    for m in messages:
        print(name, len(m), ctor(m).hexdigest())
    h = hashlib.new(name)
    print(h.name, h.digest_size, h.block_size, type(h.digest()).__name__, len(h.digest()))

# Feeding in pieces gives the same digest; digest() does not end the hash.
h = hashlib.sha256()
for piece in [b"The quick ", b"brown fox ", b"jumps over the lazy dog"]:
    h.update(piece)
    print(h.hexdigest()[:16])
snapshot = h.copy()
h.update(b".")
print(snapshot.hexdigest() == hashlib.sha256(b"The quick brown fox jumps over the lazy dog").hexdigest())
print(h.hexdigest() == hashlib.sha256(b"The quick brown fox jumps over the lazy dog.").hexdigest())
print(hashlib.md5(bytearray(b"abc")).hexdigest(), hashlib.sha1(memoryview(b"abc")).hexdigest())
print(hashlib.new("SHA256", b"x").hexdigest()[:12], hashlib.new(name="md5", data=b"ab").hexdigest())
print(hashlib.md5(string=b"x").hexdigest(), hashlib.sha256(b"x", usedforsecurity=False).hexdigest()[:8])
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha1", "sha256"}))
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"pw", b"salt", 2, dklen=5), hashlib.pbkdf2_hmac("sha512", b"k", b"s", 3, 70).hex())

for call in [lambda: hashlib.md5("text"), lambda: hashlib.new("nope"), lambda: hashlib.sha1().update(),
             lambda: hashlib.sha1().update(5), lambda: hashlib.md5(data=b"x"), lambda: hashlib.new("sha256", "x"),
             lambda: hashlib.pbkdf2_hmac("sha1", b"p", b"s", 0)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, str(e).split(" (aio-py")[0])
