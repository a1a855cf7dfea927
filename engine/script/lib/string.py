ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = '0123456789abcdefABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
whitespace = ' \t\n\r\x0b\x0c'
printable = digits + ascii_letters + punctuation + whitespace

def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# string.Template (PEP 292). CPython matches placeholders with a regular expression; this
# interpreter scans them by hand, so a subclass may change `delimiter` but not
# `idpattern`, `braceidpattern`, `flags` or `pattern` (NotImplementedError says so).

_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits


class _Missing:
    pass


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'

    def __init_subclass__(cls):
        super().__init_subclass__()
        for name in ('pattern', 'idpattern', 'braceidpattern', 'flags'):
            if name in cls.__dict__:
                raise NotImplementedError(
                    'string.Template: a custom %s needs the re module, which this '
                    'interpreter does not have' % name)

    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        # Yields (kind, start, end, name) for each delimiter occurrence, kind being
        # 'escaped', 'named', 'braced' or 'invalid' (start: the delimiter's index; for
        # 'invalid', end is the index just after the delimiter).
        s = self.template
        delim = self.delimiter
        dl = len(delim)
        n = len(s)
        i = s.find(delim)
        while i >= 0:
            j = i + dl
            if s.startswith(delim, j):
                yield 'escaped', i, j + dl, None
                i = s.find(delim, j + dl)
                continue
            if j < n and s[j] in _ID_START:
                k = j + 1
                while k < n and s[k] in _ID_CHARS:
                    k += 1
                yield 'named', i, k, s[j:k]
                i = s.find(delim, k)
                continue
            if j < n and s[j] == '{' and j + 1 < n and s[j + 1] in _ID_START:
                k = j + 2
                while k < n and s[k] in _ID_CHARS:
                    k += 1
                if k < n and s[k] == '}':
                    yield 'braced', i, k + 1, s[j + 1:k]
                    i = s.find(delim, k + 1)
                    continue
            yield 'invalid', i, j, None
            i = s.find(delim, j)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _substitute(self, mapping, kws, safe):
        def lookup(name):
            if name in kws:
                return kws[name]
            return mapping[name]

        s = self.template
        out = []
        pos = 0
        for kind, start, end, name in self._placeholders():
            out.append(s[pos:start])
            pos = end
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                if not safe:
                    self._invalid(end)
                out.append(self.delimiter)
            elif safe:
                try:
                    out.append(str(lookup(name)))
                except KeyError:
                    out.append(s[start:end])
            else:
                out.append(str(lookup(name)))
        out.append(s[pos:])
        return ''.join(out)

    def substitute(self, mapping=_Missing, /, **kws):
        return self._substitute({} if mapping is _Missing else mapping, kws, False)

    def safe_substitute(self, mapping=_Missing, /, **kws):
        return self._substitute({} if mapping is _Missing else mapping, kws, True)

    def is_valid(self):
        for kind, start, end, name in self._placeholders():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in self._placeholders():
            if name is not None and name not in ids:
                ids.append(name)
        return ids
