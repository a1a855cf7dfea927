"""Regular expressions: CPython's re API over the native engine (_sre)."""

import _sre

__all__ = ['compile', 'search', 'match', 'fullmatch', 'split', 'findall', 'finditer', 'sub', 'subn',
           'escape', 'purge', 'error', 'Pattern', 'Match', 'I', 'IGNORECASE', 'M', 'MULTILINE',
           'S', 'DOTALL', 'X', 'VERBOSE', 'A', 'ASCII', 'U', 'UNICODE', 'NOFLAG']


_FLAG_NAMES = ((256, 'ASCII'), (2, 'IGNORECASE'), (4, 'LOCALE'), (32, 'UNICODE'), (8, 'MULTILINE'),
               (16, 'DOTALL'), (64, 'VERBOSE'), (1, 'TEMPLATE'), (128, 'DEBUG'))


def _flag_repr(v):
    if v == 0:
        return 're.NOFLAG'
    parts = []
    for bit, name in _FLAG_NAMES:
        if v & bit:
            parts.append('re.' + name)
            v &= ~bit
    if v:
        parts.append(hex(v))
    return '|'.join(parts)


class RegexFlag(int):
    # Printing a flag shows its value here (int subclasses keep int's repr in
    # this interpreter); Pattern reprs name the flags as CPython's do.
    def __repr__(self):
        return _flag_repr(int(self))

    __str__ = __repr__

    def __or__(self, other):
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        return RegexFlag(int(self) & int(other))


NOFLAG = RegexFlag(0)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
A = ASCII = RegexFlag(256)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if '\n' in pattern:
                self.lineno = pattern.count('\n', 0, pos) + 1
                self.colno = pos - pattern.rfind('\n', 0, pos)
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
            else:
                self.lineno = 1
                self.colno = pos + 1
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


def _check_string(string):
    if not isinstance(string, str):
        raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


class Match:
    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans
        last = spans[-1]
        self.lastindex = last if last >= 0 else None
        self.lastgroup = None
        if last >= 0:
            for name, index in pattern.groupindex.items():
                if index == last:
                    self.lastgroup = name

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool) or isinstance(g, RegexFlag):
            if 0 <= g <= self.re.groups:
                return int(g)
        elif isinstance(g, str):
            if g in self.re.groupindex:
                return self.re.groupindex[g]
        raise IndexError('no such group')

    def _get(self, i, default=None):
        a = self._spans[2 * i]
        b = self._spans[2 * i + 1]
        if a < 0 or b < 0:
            return default
        return self.string[a:b]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * i], self._spans[2 * i + 1]) for i in range(self.re.groups + 1))

    def expand(self, template):
        return _expand(self.re, template)(self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())


class Pattern:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        self._prog = _sre.compile(pattern, int(flags), lambda msg, pos: error(msg, pattern, pos))
        final, groups, names = self._prog.info()
        self.flags = final
        self.groups = groups
        self.groupindex = dict(names)

    def __repr__(self):
        flags = self.flags & ~32  # UNICODE is implied for str patterns
        p = repr(self.pattern)
        if len(p) > 200:
            p = p[:200]
        if flags:
            return 're.compile(%s, %s)' % (p, _flag_repr(flags))
        return 're.compile(%s)' % p

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode):
        _check_string(string)
        n = len(string)
        if pos < 0:
            pos = 0
        if endpos is None or endpos > n:
            endpos = n
        spans = self._prog.run(string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, min(pos, n), max(endpos, 0), spans)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos, endpos, count):
        # Every match's spans in one native call (sre's iteration rules).
        _check_string(string)
        n = len(string)
        if endpos is None or endpos > n:
            endpos = n
        return self._prog.scan(string, pos, endpos, count), min(max(pos, 0), n), max(endpos, 0)

    def finditer(self, string, pos=0, endpos=None):
        found, pos, endpos = self._scan(string, pos, endpos, 0)
        return iter([Match(self, string, pos, endpos, spans) for spans in found])

    def findall(self, string, pos=0, endpos=None):
        found = self._scan(string, pos, endpos, 0)[0]
        groups = self.groups
        if groups == 0:
            return [string[sp[0]:sp[1]] for sp in found]
        if groups == 1:
            return [string[sp[2]:sp[3]] if sp[2] >= 0 else '' for sp in found]
        return [tuple(string[sp[2 * g]:sp[2 * g + 1]] if sp[2 * g] >= 0 else '' for g in range(1, groups + 1))
                for sp in found]

    def split(self, string, maxsplit=0):
        found = self._scan(string, 0, None, maxsplit)[0]
        out = []
        last = 0
        groups = self.groups
        for sp in found:
            out.append(string[last:sp[0]])
            for g in range(1, groups + 1):
                out.append(string[sp[2 * g]:sp[2 * g + 1]] if sp[2 * g] >= 0 else None)
            last = sp[1]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        _check_string(string)
        items = None
        if callable(repl):
            fn = repl
        elif isinstance(repl, str):
            items = _templates.get((self.pattern, self.flags, repl))
            if items is None:
                items = _parse_template(self, repl)
                if len(_templates) >= _MAXCACHE:
                    _templates.clear()
                _templates[(self.pattern, self.flags, repl)] = items
        else:
            raise TypeError("expected str instance, %s found" % type(repl).__name__)
        found, pos, endpos = self._scan(string, 0, None, count)
        parts = []
        last = 0
        for sp in found:
            parts.append(string[last:sp[0]])
            if items is None:
                r = fn(Match(self, string, pos, endpos, sp))
                if not isinstance(r, str):
                    raise TypeError("expected str instance, %s found" % type(r).__name__)
                parts.append(r)
            else:
                for k, item in enumerate(items):
                    if k % 2:
                        if sp[2 * item] >= 0:
                            parts.append(string[sp[2 * item]:sp[2 * item + 1]])
                    else:
                        parts.append(item)
            last = sp[1]
        parts.append(string[last:])
        return ''.join(parts), len(found)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}


def _expand(pattern, template):
    items = _parse_template(pattern, template)

    def expand(m):
        out = []
        for k, item in enumerate(items):
            if k % 2:
                out.append(m.group(item) or '')
            else:
                out.append(item)
        return ''.join(out)
    return expand


def _parse_template(pattern, template):
    # re._parser.parse_template: literal strings at even places, group numbers at odd.
    items = []
    lit = []
    i = 0
    n = len(template)

    def err(msg, pos):
        return error(msg, template, pos)

    while i < n:
        c = template[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise err('bad escape (end of pattern)', i)
        c = template[i + 1]
        if c == 'g':
            if i + 2 >= n or template[i + 2] != '<':
                raise err('missing <', i + 2)
            j = template.find('>', i + 3)
            if j < 0:
                name = template[i + 3:]
                if not name:
                    raise err('missing group name', i + 3)
                raise err('missing >, unterminated name', i + 3)
            name = template[i + 3:j]
            if not name:
                raise err('missing group name', i + 3)
            if name.isdigit() and name.isascii():
                index = int(name)
                if index > pattern.groups:
                    raise err('invalid group reference %d' % index, i + 3)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError('unknown group name %r' % name)
                index = pattern.groupindex[name]
            else:
                raise err('bad character in group name %r' % name, i + 3)
            items.append(''.join(lit))
            lit = []
            items.append(index)
            i = j + 1
        elif c == '0':
            j = i + 2
            while j < n and j < i + 4 and template[j] in '01234567':
                j += 1
            lit.append(chr(int(template[i + 1:j], 8)))
            i = j
        elif c.isdigit() and c.isascii():
            j = i + 2
            if j < n and template[j].isdigit():
                if (c in '01234567' and template[j] in '01234567' and j + 1 < n
                        and template[j + 1] in '01234567'):
                    v = int(template[i + 1:j + 2], 8)
                    if v > 0o377:
                        raise err('octal escape value %s outside of range 0-0o377' % template[i:j + 2], i)
                    lit.append(chr(v))
                    i = j + 2
                    continue
                j += 1
            index = int(template[i + 1:j])
            if index > pattern.groups:
                raise err('invalid group reference %d' % index, i + 1)
            items.append(''.join(lit))
            lit = []
            items.append(index)
            i = j
        elif c in _ESCAPES:
            lit.append(_ESCAPES[c])
            i += 2
        elif c.isascii() and c.isalpha():
            raise err('bad escape \\%s' % c, i)
        else:
            lit.append('\\' + c)
            i += 2
    items.append(''.join(lit))
    return items


_cache = {}
_templates = {}  # (pattern, repl) -> parsed template, as CPython's _compile_template cache
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, str):
        if type(pattern).__name__ in ('bytes', 'bytearray'):
            raise NotImplementedError('re: bytes patterns are not supported by this interpreter yet')
        raise TypeError('first argument must be string or compiled pattern')
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        del _cache[next(iter(_cache))]
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def purge():
    _cache.clear()


_special = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    return ''.join('\\' + c if c in _special else c for c in pattern)
