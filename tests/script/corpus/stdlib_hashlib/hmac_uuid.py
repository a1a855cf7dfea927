# hmac over hashlib, and uuid's deterministic parts (parsing, fields, uuid3/uuid5).
import hashlib
import hmac
import uuid

key = b"secret-key"
for digestmod in ["md5", "sha1", hashlib.sha256, "sha512"]:
    mac = hmac.new(key, b"message", digestmod)
    print(mac.name, mac.digest_size, mac.block_size, mac.hexdigest())
long_key = hmac.new(b"k" * 200, b"m", "sha256")
part = hmac.new(key, digestmod="sha256")
part.update(b"mess")
copy = part.copy()
part.update(b"age")
print(long_key.hexdigest(), part.hexdigest() == hmac.new(key, b"message", "sha256").hexdigest(), copy.hexdigest()[:10])
print(hmac.digest(key, b"message", "sha1").hex(), hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("ab", "ac"))
try:
    hmac.new(key, b"m")
except TypeError as e:
    print("TypeError", e)

u = uuid.UUID("{12345678-1234-5678-1234-567812345678}")
print(u, repr(u), u.hex, u.int, u.urn, u.version, u.variant)
print(u.bytes, u.bytes_le, u.fields, u.time_low, u.node, u.clock_seq, u.time)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(int=u.int) == u,
      uuid.UUID(fields=u.fields) == u, uuid.UUID("urn:uuid:12345678123456781234567812345678") == u)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/a"), uuid.uuid3(uuid.NAMESPACE_OID, "1.3.6"))
print(uuid.UUID(int=5, version=4), uuid.NAMESPACE_X500 > uuid.NAMESPACE_DNS, sorted([uuid.NAMESPACE_URL, uuid.NAMESPACE_DNS]))
print(len({uuid.UUID(int=1), uuid.UUID(int=1), uuid.UUID(int=2)}), str(uuid.UUID(int=0)), int(uuid.UUID(int=7)))
r = uuid.uuid4()
print(r.version, r.variant, len(str(r)), r != uuid.uuid4())
t = uuid.uuid1()
print(t.version, t.variant, t.node < 2 ** 48, uuid.uuid1().time > t.time)
for bad in [lambda: uuid.UUID("xyz"), lambda: uuid.UUID(), lambda: uuid.UUID(int=1 << 128),
            lambda: uuid.UUID(bytes=b"short"), lambda: uuid.UUID(int=1, version=9), lambda: setattr(u, "int", 3)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
