"""os: the portable parts of CPython's os module a script uses (environ, getenv, getpid,
getcwd, path names). A host without a file system (the browser) gives an empty environ
and raises NotImplementedError for file system calls."""

import sys
import _os
import posixpath as path

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
curdir = path.curdir
pardir = path.pardir
devnull = path.devnull

error = OSError


class _Environ(dict):
    """os.environ: a dict of str to str. Changing it does not change the host process's
    environment (there is no putenv here)."""

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        dict.__setitem__(self, key, value)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def copy(self):
        return dict(self)

    def __repr__(self):
        return 'environ({' + ', '.join('{!r}: {!r}'.format(k, v) for k, v in self.items()) + '})'


environ = _Environ(_os.environ())


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


def getpid():
    """Return the current process id."""
    return _os.getpid()


def getcwd():
    """Return a unicode string representing the current working directory."""
    return _os.getcwd()


def urandom(size):
    """Return a bytes object of size random bytes suitable for cryptographic use."""
    return _os.urandom(size)


def cpu_count():
    """Return the number of CPUs in the system; return None if indeterminable."""
    return _os.cpu_count()


def fspath(p):
    """Return the file system path representation of the object."""
    if isinstance(p, str):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(p).__name__)
    return f(p)


def _no_fs(name):
    def call(*args, **kwargs):
        raise NotImplementedError(f'os.{name}() is not available: this interpreter gives '
                                  f'scripts no file system beyond open() for reading')
    call.__name__ = name
    return call


for _name in ('listdir', 'mkdir', 'makedirs', 'remove', 'unlink', 'rmdir', 'rename',
              'replace', 'stat', 'scandir', 'walk', 'chdir', 'system'):
    globals()[_name] = _no_fs(_name)
del _name
