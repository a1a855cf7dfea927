"""urllib.parse: split, join and quote URLs (RFC 3986), as CPython's urllib.parse for str
arguments. bytes arguments and encodings other than UTF-8 are not supported here
(TypeError / NotImplementedError say so)."""

from collections import namedtuple

__all__ = ['urlparse', 'urlunparse', 'urljoin', 'urlsplit', 'urlunsplit', 'urlencode',
           'parse_qs', 'parse_qsl', 'quote', 'quote_plus', 'unquote', 'unquote_plus',
           'SplitResult', 'ParseResult']

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp',
                 'mms', 'prospero', 'rtsp', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms',
               'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtspu', 'rsync', 'svn',
               'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtspu',
               'sip', 'sips', 'mms', 'sftp', 'tel']
scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')
_UNSAFE_URL_BYTES_TO_REMOVE = ['\t', '\r', '\n']
_ALWAYS_SAFE = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         'abcdefghijklmnopqrstuvwxyz'
                         '0123456789'
                         '_.-~')
_HEX = '0123456789abcdefABCDEF'


def _check_str(*args):
    for a in args:
        if not isinstance(a, str):
            raise TypeError('urllib.parse in this interpreter takes str arguments, not ' +
                            type(a).__name__)


class _NetlocResultMixin:
    __slots__ = ()

    @property
    def username(self):
        userinfo, have_info, hostinfo = self.netloc.rpartition('@')
        if not have_info:
            return None
        username, have_password, password = userinfo.partition(':')
        return username

    @property
    def password(self):
        userinfo, have_info, hostinfo = self.netloc.rpartition('@')
        if not have_info:
            return None
        username, have_password, password = userinfo.partition(':')
        return password if have_password else None

    def _hostinfo(self):
        _, _, hostinfo = self.netloc.rpartition('@')
        _, have_open_br, bracketed = hostinfo.partition('[')
        if have_open_br:
            hostname, _, port = bracketed.partition(']')
            _, _, port = port.partition(':')
        else:
            hostname, _, port = hostinfo.partition(':')
        if not port:
            port = None
        return hostname, port

    @property
    def hostname(self):
        hostname = self._hostinfo()[0]
        if not hostname:
            return None
        separator = '%'
        hostname, percent, zone = hostname.partition(separator)
        return hostname.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo()[1]
        if port is not None:
            if port.isdigit() and port.isascii():
                port = int(port)
            else:
                raise ValueError(f"Port could not be cast to integer value as {port!r}")
            if not (0 <= port <= 65535):
                raise ValueError("Port out of range 0-65535")
        return port

    def geturl(self):
        raise NotImplementedError


class SplitResult(namedtuple('SplitResult', 'scheme netloc path query fragment'),
                  _NetlocResultMixin):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(namedtuple('ParseResult', 'scheme netloc path params query fragment'),
                  _NetlocResultMixin):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


def _splitnetloc(url, start=0):
    delim = len(url)
    for c in '/?#':
        wdelim = url.find(c, start)
        if wdelim >= 0:
            delim = min(delim, wdelim)
    return url[start:delim], url[delim:]


def _splitparams(url):
    if '/' in url:
        i = url.find(';', url.rfind('/'))
        if i < 0:
            return url, ''
    else:
        i = url.find(';')
    return url[:i], url[i + 1:]


def urlsplit(url, scheme='', allow_fragments=True):
    """Parse a URL into 5 components: <scheme>://<netloc>/<path>?<query>#<fragment>."""
    _check_str(url, scheme)
    url = url.lstrip(''.join(chr(i) for i in range(33)))
    scheme = scheme.strip(''.join(chr(i) for i in range(33)))
    for b in _UNSAFE_URL_BYTES_TO_REMOVE:
        url = url.replace(b, '')
        scheme = scheme.replace(b, '')
    netloc = query = fragment = ''
    i = url.find(':')
    if i > 0 and url[0].isascii() and url[0].isalpha():
        for c in url[:i]:
            if c not in scheme_chars:
                break
        else:
            scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == '//':
        netloc, url = _splitnetloc(url, 2)
        if (('[' in netloc and ']' not in netloc) or
                (']' in netloc and '[' not in netloc)):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def urlparse(url, scheme='', allow_fragments=True):
    """Parse a URL into 6 components: <scheme>://<netloc>/<path>;<params>?<query>#<fragment>."""
    scheme, netloc, url, query, fragment = urlsplit(url, scheme, allow_fragments)
    if scheme in uses_params and ';' in url:
        url, params = _splitparams(url)
    else:
        params = ''
    return ParseResult(scheme, netloc, url, params, query, fragment)


def urlunsplit(components):
    """Combine the elements of a tuple as returned by urlsplit() into a complete URL."""
    scheme, netloc, url, query, fragment = components
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url


def urlunparse(components):
    """Put a parsed URL back together again."""
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = "%s;%s" % (url, params)
    return urlunsplit((scheme, netloc, url, query, fragment))


def urljoin(base, url, allow_fragments=True):
    """Join a base URL and a possibly relative URL to form an absolute interpretation of
    the latter."""
    if not base:
        return url
    if not url:
        return base
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)
    if scheme != bscheme or scheme not in uses_relative:
        return url
    if scheme in uses_netloc:
        if netloc:
            return urlunparse((scheme, netloc, path, params, query, fragment))
        netloc = bnetloc
    if not path and not params:
        path = bpath
        params = bparams
        if not query:
            query = bquery
        return urlunparse((scheme, netloc, path, params, query, fragment))
    base_parts = bpath.split('/')
    if base_parts[-1] != '':
        del base_parts[-1]
    if path[:1] == '/':
        segments = path.split('/')
    else:
        segments = base_parts + path.split('/')
        segments[1:-1] = [s for s in segments[1:-1] if s]
    resolved_path = []
    for seg in segments:
        if seg == '..':
            if resolved_path:
                resolved_path.pop()
        elif seg == '.':
            continue
        else:
            resolved_path.append(seg)
    if segments[-1] in ('.', '..'):
        resolved_path.append('')
    return urlunparse((scheme, netloc, '/'.join(resolved_path) or '/', params, query, fragment))


def _utf8(c):
    # The UTF-8 bytes of one character, as ints (str.encode may not exist here).
    n = ord(c)
    if n < 0x80:
        return [n]
    if n < 0x800:
        return [0xc0 | (n >> 6), 0x80 | (n & 0x3f)]
    if n < 0x10000:
        return [0xe0 | (n >> 12), 0x80 | ((n >> 6) & 0x3f), 0x80 | (n & 0x3f)]
    return [0xf0 | (n >> 18), 0x80 | ((n >> 12) & 0x3f), 0x80 | ((n >> 6) & 0x3f),
            0x80 | (n & 0x3f)]


def _decode_utf8_replace(data):
    # UTF-8 decoding with errors='replace': each maximal invalid subpart becomes U+FFFD.
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if 0xc2 <= b <= 0xdf:
            need, cp, lo, hi = 1, b & 0x1f, 0x80, 0xbf
        elif 0xe0 <= b <= 0xef:
            need, cp = 2, b & 0x0f
            lo, hi = (0xa0, 0xbf) if b == 0xe0 else ((0x80, 0x9f) if b == 0xed else (0x80, 0xbf))
        elif 0xf0 <= b <= 0xf4:
            need, cp = 3, b & 0x07
            lo, hi = (0x90, 0xbf) if b == 0xf0 else ((0x80, 0x8f) if b == 0xf4 else (0x80, 0xbf))
        else:
            out.append('\ufffd')
            i += 1
            continue
        j = i + 1
        ok = True
        for k in range(need):
            if j >= n or not (lo <= data[j] <= hi):
                ok = False
                break
            cp = (cp << 6) | (data[j] & 0x3f)
            j += 1
            lo, hi = 0x80, 0xbf
        if ok:
            out.append(chr(cp))
        else:
            out.append('\ufffd')
        i = j
    return ''.join(out)


def _check_encoding(encoding, errors, default_errors):
    if encoding not in (None, 'utf-8', 'utf8', 'UTF-8'):
        raise NotImplementedError('urllib.parse in this interpreter supports UTF-8 only')
    if errors not in (None, default_errors):
        raise NotImplementedError(f"urllib.parse in this interpreter supports "
                                  f"errors={default_errors!r} only")


def quote(string, safe='/', encoding=None, errors=None):
    """Percent-encode a str: letters, digits, '_.-~' and the characters in safe are
    kept, every other character becomes %XX for each byte of its UTF-8 encoding."""
    if not isinstance(string, str):
        raise TypeError("quote() doesn't support '%s' objects" % type(string).__name__)
    _check_encoding(encoding, errors, 'strict')
    if not string:
        return string
    out = []
    for c in string:
        if c in _ALWAYS_SAFE or c in safe:
            out.append(c)
        else:
            for b in _utf8(c):
                out.append('%{:02X}'.format(b))
    return ''.join(out)


def quote_plus(string, safe='', encoding=None, errors=None):
    """Like quote(), but also replace ' ' with '+', as HTML forms do."""
    if isinstance(string, str) and ' ' not in string:
        return quote(string, safe, encoding, errors)
    string = quote(string, safe + ' ', encoding, errors)
    return string.replace(' ', '+')


def unquote(string, encoding='utf-8', errors='replace'):
    """Replace %xx escapes by their single-character equivalent."""
    if not isinstance(string, str):
        raise TypeError('unquote() takes str arguments here, not ' + type(string).__name__)
    _check_encoding(encoding, errors, 'replace')
    if '%' not in string:
        return string
    out = []
    pending = []
    i = 0
    n = len(string)
    while i < n:
        c = string[i]
        if c == '%' and i + 2 < n and string[i + 1] in _HEX and string[i + 2] in _HEX:
            pending.append(int(string[i + 1:i + 3], 16))
            i += 3
            continue
        if pending:
            out.append(_decode_utf8_replace(pending))
            pending = []
        out.append(c)
        i += 1
    if pending:
        out.append(_decode_utf8_replace(pending))
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """Like unquote(), but also replace plus signs by spaces."""
    string = string.replace('+', ' ')
    return unquote(string, encoding, errors)


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    """Encode a dict or sequence of two-element tuples into a URL query string."""
    if hasattr(query, "items"):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError:
            raise TypeError("not a valid non-string sequence or mapping object") from None
    parts = []
    for k, v in query:
        k = quote_via(k if isinstance(k, str) else str(k), safe)
        if not doseq or isinstance(v, str):
            parts.append(k + '=' + quote_via(v if isinstance(v, str) else str(v), safe))
            continue
        try:
            len(v)
        except TypeError:
            parts.append(k + '=' + quote_via(str(v), safe))
        else:
            for elt in v:
                parts.append(k + '=' + quote_via(elt if isinstance(elt, str) else str(elt), safe))
    return '&'.join(parts)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
              errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a list of (name, value) pairs."""
    if not separator or not isinstance(separator, str):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None:
        num_fields = 1 + qs.count(separator) if qs else 0
        if max_num_fields < num_fields:
            raise ValueError('Max number of fields exceeded')
    r = []
    for name_value in (qs.split(separator) if qs else []):
        if not name_value and not strict_parsing:
            continue
        nv = name_value.split('=', 1)
        if len(nv) != 2:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (name_value,))
            if keep_blank_values:
                nv.append('')
            else:
                continue
        if len(nv[1]) or keep_blank_values:
            name = unquote(nv[0].replace('+', ' '), encoding, errors)
            value = unquote(nv[1].replace('+', ' '), encoding, errors)
            r.append((name, value))
    return r


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
             errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a dict of name -> list of values."""
    parsed_result = {}
    pairs = parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors, max_num_fields,
                      separator)
    for name, value in pairs:
        if name in parsed_result:
            parsed_result[name].append(value)
        else:
            parsed_result[name] = [value]
    return parsed_result
