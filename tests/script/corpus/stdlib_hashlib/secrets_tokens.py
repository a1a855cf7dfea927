# secrets and os.urandom: random values, so the checks are of shape and range.
import os
import secrets
import string

print(type(os.urandom(8)).__name__, len(os.urandom(0)), len(os.urandom(1000)))
print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), len(secrets.token_hex(16)), len(secrets.token_hex()))
tok = secrets.token_urlsafe(30)
print(len(tok), all(c in string.ascii_letters + string.digits + "-_" for c in tok))
print(all(c in "0123456789abcdef" for c in secrets.token_hex(50)))
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(200)), secrets.randbits(0), secrets.randbits(70) < 2 ** 70)
print(secrets.choice("x"), secrets.choice([1, 2, 3]) in (1, 2, 3), secrets.compare_digest(b"a", b"a"))
password = "".join(secrets.choice(string.ascii_letters) for _ in range(12))
print(len(password), password.isalpha())
sr = secrets.SystemRandom()
print(0 <= sr.random() < 1, 1 <= sr.randint(1, 6) <= 6, sorted(sr.sample(range(5), 5)))
for bad in [lambda: secrets.randbelow(0), lambda: os.urandom(-1), lambda: secrets.choice([])]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
