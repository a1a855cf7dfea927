"""Common operations on POSIX pathnames (os.path), as CPython's posixpath: pure string
functions, plus exists/isfile/isdir where the host gives scripts a file system."""

import _os

__all__ = ['normcase', 'isabs', 'join', 'splitdrive', 'split', 'splitext', 'basename',
           'dirname', 'commonprefix', 'commonpath', 'exists', 'isfile', 'isdir', 'lexists',
           'expanduser', 'normpath', 'abspath', 'relpath', 'curdir', 'pardir', 'sep',
           'pathsep', 'defpath', 'altsep', 'extsep', 'devnull']

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'


def _check(funcname, *args):
    for s in args:
        if not isinstance(s, str):
            raise TypeError(f'{funcname}() argument must be str, bytes, or os.PathLike '
                            f'object, not {s.__class__.__name__!r}')


def _fspath(p):
    if isinstance(p, str):
        return p
    fspath = getattr(type(p), '__fspath__', None)
    if fspath is not None:
        return fspath(p)
    raise TypeError('expected str, bytes or os.PathLike object, not ' + type(p).__name__)


def normcase(s):
    """Normalize case of pathname. Has no effect under Posix."""
    return _fspath(s)


def isabs(s):
    """Test whether a path is absolute."""
    return _fspath(s).startswith('/')


def join(a, *p):
    """Join two or more pathname components, inserting '/' as needed. An absolute
    component discards all previous ones."""
    a = _fspath(a)
    path = a
    for b in p:
        if not isinstance(b, str):
            _check('join', a, *p)
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    """Split a pathname into (head, tail), tail being everything after the final
    slash."""
    p = _fspath(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    """Split the extension from a pathname: (root, ext), ext may be empty."""
    p = _fspath(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        # A leading run of dots in the file name is not an extension.
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, ''


def splitdrive(p):
    """Split a pathname into drive and path. On Posix, drive is always empty."""
    p = _fspath(p)
    return p[:0], p


def basename(p):
    """Returns the final component of a pathname."""
    p = _fspath(p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    """Returns the directory component of a pathname."""
    p = _fspath(p)
    head = p[:p.rfind('/') + 1]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def commonprefix(m):
    """Given a list of pathnames, returns the longest common leading component (character
    by character)."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    """Given a sequence of path names, returns the longest common sub-path."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    split_paths = [path.split('/') for path in paths]
    try:
        isabs, = set(p[:1] == '/' for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != '.'] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = '/' if isabs else ''
    return prefix + '/'.join(common)


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = _fspath(path)
    if not path:
        return '.'
    initial_slashes = 2 if path.startswith('//') and not path.startswith('///') else (
        1 if path.startswith('/') else 0)
    new_comps = []
    for comp in path.split('/'):
        if comp in ('', '.'):
            continue
        if (comp != '..' or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == '..')):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/' * initial_slashes + '/'.join(new_comps)
    return path or '.'


def abspath(path):
    """Return an absolute path."""
    path = _fspath(path)
    if not isabs(path):
        path = join(_os.getcwd(), path)
    return normpath(path)


def relpath(path, start=None):
    """Return a relative version of a path."""
    path = _fspath(path)
    if not path:
        raise ValueError("no path specified")
    start = curdir if start is None else _fspath(start)
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def expanduser(path):
    """Expand ~ and ~user constructions. If user or $HOME is unknown, do nothing."""
    path = _fspath(path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i != 1:
        raise NotImplementedError('expanduser(): ~user needs the password database, which '
                                  'this interpreter does not read')
    import os
    userhome = os.environ.get('HOME')
    if userhome is None:
        return path
    userhome = userhome.rstrip('/')
    return (userhome + path[i:]) or '/'


def exists(path):
    """Test whether a path exists."""
    return _os.stat_kind(_fspath(path)) != 0


lexists = exists


def isfile(path):
    """Test whether a path is a regular file."""
    return _os.stat_kind(_fspath(path)) == 1


def isdir(s):
    """Return true if the pathname refers to an existing directory."""
    return _os.stat_kind(_fspath(s)) == 2
