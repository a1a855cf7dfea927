from urllib.parse import urlparse, urlsplit, urlunparse, urlunsplit, urljoin, quote, unquote, quote_plus, unquote_plus, urlencode, parse_qs, parse_qsl
import urllib.parse
u = urlparse("HTTPS://user:pw@Example.COM:8080/a/b;p=1?q=1&r=two#frag")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.geturl())
s = urlsplit("http://[::1]:80/x?y#z")
print(s, s.hostname, s.port, urlunsplit(s))
print(urlparse("mailto:someone@example.com"), urlparse("//host/p"), urlparse("relative/path?x=1"))
print(urlunparse(("http", "h", "p", "", "q=1", "")), urlunsplit(("file", "", "/tmp/x", "", "")))
base = "http://a/b/c/d;p?q"
for rel in ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../g", "../..", "../../g", "../../../g", "", ".", "http:g", "https://other/x"]:
    print(repr(rel), urljoin(base, rel))
print(quote("a b/c?d=é&€😀"), quote("a b/c", safe=""), quote_plus("a b+c/é"), quote("~_.-"))
print(unquote("a%20b%2Fc%C3%A9%E2%82%AC%F0%9F%98%80"), unquote("bad%zz%4"), unquote("%C3"), unquote("%ff%C3%28"), unquote_plus("a+b%2B"))
print(urlencode({"q": "hello world", "n": 3, "x": "é&="}), urlencode([("a", 1), ("a", 2)]), urlencode({"l": [1, 2]}, doseq=True), urlencode({"l": [1, 2]}))
print(parse_qsl("a=1&b=2&a=3&empty=&noeq&x=%20y+z"), parse_qsl("a=&b", keep_blank_values=True))
print(parse_qs("a=1&b=2&a=3"), parse_qs("k=v;k=w", separator=";"))
for bad in [lambda: urlsplit("http://[::1/x"), lambda: urlparse("http://h:99999").port, lambda: urlparse("http://h:abc").port, lambda: parse_qsl("a", strict_parsing=True), lambda: urlencode("abc")]:
    try: print(bad())
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
