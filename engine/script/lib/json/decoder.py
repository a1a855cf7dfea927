"""json.decoder: JSONDecoder and JSONDecodeError, with a scanner written by hand (the
interpreter has no regular expressions of its own here). Positions and messages are
those of CPython's C scanner."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}

_WHITESPACE = ' \t\n\r'
_DIGITS = '0123456789'
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
              't': '\t'}
_HEX = '0123456789abcdefABCDEF'


def _skip_ws(s, end):
    n = len(s)
    while end < n and s[end] in _WHITESPACE:
        end += 1
    return end


def _decode_uXXXX(s, pos):
    # pos is the index of the 'u'
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and esc[1] not in 'xX':
        ok = True
        for c in esc:
            if c not in _HEX:
                ok = False
                break
        if ok:
            return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string. End is the index of the character in s after
    the quote that started the JSON string. Returns a tuple of the decoded string and the
    index of the character in s after the end quote."""
    chunks = []
    append = chunks.append
    begin = end - 1
    n = len(s)
    while True:
        # Copy the run of ordinary characters in one slice.
        start = end
        while end < n:
            c = s[end]
            if c == '"' or c == '\\' or c < ' ':
                break
            end += 1
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if end > start:
            append(s[start:end])
        terminator = s[end]
        end += 1
        if terminator == '"':
            break
        if terminator != '\\':
            if strict:
                raise JSONDecodeError("Invalid control character at", s, end - 1)
            append(terminator)
            continue
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end]
        if esc != 'u':
            char = _BACKSLASH.get(esc)
            if char is None:
                raise JSONDecodeError("Invalid \\escape", s, end - 1)
            end += 1
        else:
            uni = _decode_uXXXX(s, end)
            end += 5
            if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
                uni2 = _decode_uXXXX(s, end + 1)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                    end += 6
            char = chr(uni)
        append(char)
    return ''.join(chunks), end


def _match_number(s, idx):
    # -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? ; returns (int part, frac, exp, end)
    # or None when no number starts at idx.
    n = len(s)
    i = idx
    if i < n and s[i] == '-':
        i += 1
    if i >= n or s[i] not in _DIGITS:
        return None
    if s[i] == '0':
        i += 1
    else:
        while i < n and s[i] in _DIGITS:
            i += 1
    integer = s[idx:i]
    frac = ''
    if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
        j = i + 2
        while j < n and s[j] in _DIGITS:
            j += 1
        frac = s[i:j]
        i = j
    exp = ''
    if i < n and s[i] in 'eE':
        j = i + 1
        if j < n and s[j] in '+-':
            j += 1
        if j < n and s[j] in _DIGITS:
            while j < n and s[j] in _DIGITS:
                j += 1
            exp = s[i:j]
            i = j
    return integer, frac, exp, i


class _Scanner:
    """The recursive-descent scanner a JSONDecoder uses (CPython: json.scanner)."""

    def __init__(self, context):
        self.strict = context.strict
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        self.memo = {}

    def __call__(self, s, idx):
        try:
            return self.scan_once(s, idx)
        finally:
            self.memo.clear()

    def scan_once(self, s, idx):
        # Raises StopIteration(idx) where no value starts, as CPython's scanner does.
        if idx >= len(s):
            raise StopIteration(idx)
        nextchar = s[idx]
        if nextchar == '"':
            return scanstring(s, idx + 1, self.strict)
        if nextchar == '{':
            return self.parse_object(s, idx + 1)
        if nextchar == '[':
            return self.parse_array(s, idx + 1)
        if nextchar == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if nextchar == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if nextchar == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        m = _match_number(s, idx)
        if m is not None:
            integer, frac, exp, end = m
            if frac or exp:
                res = (self.parse_float or float)(integer + frac + exp)
            else:
                res = (self.parse_int or int)(integer)
            return res, end
        if nextchar == 'N' and s[idx:idx + 3] == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        if nextchar == 'I' and s[idx:idx + 8] == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        if nextchar == '-' and s[idx:idx + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        raise StopIteration(idx)

    def _value(self, s, end):
        try:
            return self.scan_once(s, end)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None

    def parse_object(self, s, end):
        pairs = []
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar == '}':
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), end + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, end + 1
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
        memo = self.memo
        end += 1
        while True:
            key, end = scanstring(s, end, self.strict)
            key = memo.setdefault(key, key)
            end = _skip_ws(s, end)
            if s[end:end + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip_ws(s, end + 1)
            value, end = self._value(s, end)
            pairs.append((key, value))
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            if nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
            if s[end:end + 1] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s,
                                      end)
            end += 1
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        pairs = dict(pairs)
        if self.object_hook is not None:
            pairs = self.object_hook(pairs)
        return pairs, end

    def parse_array(self, s, end):
        values = []
        end = _skip_ws(s, end)
        if s[end:end + 1] == ']':
            return values, end + 1
        append = values.append
        while True:
            value, end = self._value(s, end)
            append(value)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                break
            if nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
        return values, end


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder.

    Performs the following translations in decoding by default:

    +---------------+-------------------+
    | JSON          | Python            |
    +===============+===================+
    | object        | dict              |
    | array         | list              |
    | string        | str               |
    | number (int)  | int               |
    | number (real) | float             |
    | true          | True              |
    | false         | False             |
    | null          | None              |
    +---------------+-------------------+

    It also understands ``NaN``, ``Infinity``, and ``-Infinity`` as their corresponding
    ``float`` values, which is outside the JSON spec.
    """

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _Scanner(self)

    def decode(self, s):
        """Return the Python representation of ``s`` (a ``str`` instance containing a JSON
        document)."""
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with a JSON document) and
        return a 2-tuple of the Python representation and the index in ``s`` where the
        document ended."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
