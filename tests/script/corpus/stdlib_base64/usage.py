# How programs typically use base64/binascii: tokens, data URLs, basic auth, files.
import base64
import binascii
import json

payload = {"user": "ada", "id": 42, "tags": ["x", "y"]}
token = base64.urlsafe_b64encode(json.dumps(payload, sort_keys=True).encode()).rstrip(b"=").decode()
print(token)
padded = token + "=" * (-len(token) % 4)
print(json.loads(base64.urlsafe_b64decode(padded)))
cred = base64.b64encode(b"user:p@ss w0rd").decode("ascii")
print("Authorization: Basic " + cred, base64.b64decode(cred).split(b":", 1))
png = bytes([137, 80, 78, 71, 13, 10, 26, 10]) + bytes(range(30))
print("data:image/png;base64," + base64.b64encode(png).decode())
print(binascii.hexlify(png[:8], " ").decode(), png[:4].hex(), binascii.b2a_hex(png[:4]).decode().upper())
class Bytes:
    # a minimal binary file object (read/readline/write/getvalue)
    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.pos = 0
    def read(self, n=-1):
        end = len(self.data) if n < 0 else self.pos + n
        out = bytes(self.data[self.pos:end])
        self.pos += len(out)
        return out
    def readline(self):
        i = self.data.find(b"\n", self.pos)
        end = len(self.data) if i < 0 else i + 1
        out = bytes(self.data[self.pos:end])
        self.pos = end
        return out
    def write(self, b):
        self.data += b
    def getvalue(self):
        return bytes(self.data)
src = Bytes(bytes(range(256)) * 2)
dst = Bytes()
base64.encode(src, dst)
text = dst.getvalue()
print(text.count(b"\n"), len(text), text[:80])
back = Bytes()
base64.decode(Bytes(text), back)
print(back.getvalue() == bytes(range(256)) * 2)
print(base64.b32encode(b"secret-key!").decode(), base64.b32decode("ONSWG4TFOQWWWZLZEE======"))
print(base64.b16encode(b"\x00\x10\xab").decode(), base64.b85encode(b"binary\x00data").decode(), base64.a85encode(b"binary\x00data").decode())
for data in [b"", b"\x00", bytes(range(7)), b"The quick brown fox"]:
    ok = all([base64.b64decode(base64.b64encode(data)) == data,
              base64.b32decode(base64.b32encode(data)) == data,
              base64.b16decode(base64.b16encode(data)) == data,
              base64.b85decode(base64.b85encode(data)) == data,
              base64.a85decode(base64.a85encode(data)) == data,
              base64.decodebytes(base64.encodebytes(data)) == data])
    print(len(data), ok, binascii.crc32(data))
try:
    base64.b64decode("not base64!", validate=True)
except binascii.Error as e:
    print("invalid:", e)
