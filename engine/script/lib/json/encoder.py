"""json.encoder: JSONEncoder and the string escapers.

CPython has two encoders: a C one (used by encode() when indent is None) and a Python
one (indent given, or iterencode() called directly). They differ only in one message:
the Python one appends the float's repr to "Out of range float values are not JSON
compliant". Both are modelled by one Python encoder with a flag for that message.
"""

__all__ = ['JSONEncoder', 'encode_basestring', 'encode_basestring_ascii']

INFINITY = float('inf')

_ESCAPE = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r',
           '\t': '\\t'}
for _i in range(0x20):
    _ESCAPE.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def encode_basestring(s):
    """Return a JSON representation of a Python string."""
    if s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    out = []
    for c in s:
        out.append(_ESCAPE.get(c, c))
    return '"' + ''.join(out) + '"'


def encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    if s.isascii() and s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    out = []
    for c in s:
        if ' ' <= c <= '~':
            out.append(_ESCAPE.get(c, c))
            continue
        e = _ESCAPE.get(c)
        if e is not None:
            out.append(e)
            continue
        n = ord(c)
        if n < 0x10000:
            out.append('\\u{0:04x}'.format(n))
        else:
            n -= 0x10000
            out.append('\\u{0:04x}\\u{1:04x}'.format(0xd800 | ((n >> 10) & 0x3ff),
                                                    0xdc00 | (n & 0x3ff)))
    return '"' + ''.join(out) + '"'


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures.

    Supports dict, list, tuple, str, int, float, True, False and None (and their
    subclasses). To extend this to recognize other objects, subclass and implement a
    ``.default()`` method that returns a serializable object for ``o`` if possible,
    otherwise it should call the superclass implementation (to raise ``TypeError``).
    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns a serializable object
        for ``o``, or calls the base implementation (to raise a ``TypeError``)."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation as available."""
        out = []
        _Encoder(self, _one_shot and self.indent is None).encode(o, out, 0)
        if _one_shot:
            return out
        return iter(out)


class _Encoder:
    """One encoding run: the options read once, the circular-reference markers."""

    def __init__(self, enc, c_messages):
        self.markers = {} if enc.check_circular else None
        self.default = enc.default
        self.encode_str = encode_basestring_ascii if enc.ensure_ascii else encode_basestring
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.key_separator = enc.key_separator
        self.item_separator = enc.item_separator
        self.sort_keys = enc.sort_keys
        self.skipkeys = enc.skipkeys
        self.allow_nan = enc.allow_nan
        self.c_messages = c_messages

    def floatstr(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return repr(float(o))
        if not self.allow_nan:
            msg = "Out of range float values are not JSON compliant"
            if not self.c_messages:
                msg += ": " + repr(o)
            raise ValueError(msg)
        return text

    def mark(self, o):
        if self.markers is None:
            return None
        key = id(o)
        if key in self.markers:
            raise ValueError("Circular reference detected")
        self.markers[key] = o
        return key

    def unmark(self, key):
        if key is not None:
            del self.markers[key]

    def encode(self, o, out, level):
        if isinstance(o, str):
            out.append(self.encode_str(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append('%d' % o)
        elif isinstance(o, float):
            out.append(self.floatstr(o))
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, out, level)
        elif isinstance(o, dict):
            self.encode_dict(o, out, level)
        else:
            key = self.mark(o)
            self.encode(self.default(o), out, level)
            self.unmark(key)

    def encode_list(self, lst, out, level):
        if not lst:
            out.append('[]')
            return
        key = self.mark(lst)
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            separator = self.item_separator + newline_indent
            out.append('[' + newline_indent)
        else:
            newline_indent = None
            separator = self.item_separator
            out.append('[')
        first = True
        for value in lst:
            if first:
                first = False
            else:
                out.append(separator)
            self.encode(value, out, level)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append(']')
        self.unmark(key)

    def dict_key(self, key):
        # Returns the key as a JSON string's contents, or None to skip it.
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.floatstr(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return '%d' % key
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def encode_dict(self, dct, out, level):
        if not dct:
            out.append('{}')
            return
        key_marker = self.mark(dct)
        out.append('{')
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            item_separator = self.item_separator + newline_indent
            out.append(newline_indent)
        else:
            newline_indent = None
            item_separator = self.item_separator
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self.dict_key(key)
            if key is None:
                continue
            if first:
                first = False
            else:
                out.append(item_separator)
            out.append(self.encode_str(key))
            out.append(self.key_separator)
            self.encode(value, out, level)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append('}')
        self.unmark(key_marker)
