import re
print(re.search(r'(\w+)@(\w+)\.com', 'mail bob@example.com now'))
m = re.match(r'(?P<y>\d{4})-(?P<m>\d\d)', '2024-05-01')
print(m.group('y'), m.groups(), m.groupdict(), m.span(2), m.lastindex, m.lastgroup)
print(re.findall(r'a*', 'baaa'), re.sub('x*', '-', 'abxd'))
print(re.split(r'(,)\s*', 'a, b,c', maxsplit=1))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home, ann@work'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
print(re.fullmatch(r'(?i)héllo', 'HÉLLO'))
print(re.findall(r'(?<=\$)\d+', 'cost $30 and $45'), re.findall(r'\b\w', 'hi there you'))
print(re.match(r'(a|b)*?c', 'ababc').groups(), re.match(r'(?:(a)|b)+', 'ab').groups())
print(re.search(r'^b', 'a\nb', re.M), re.search(r'a.b', 'a\nb', re.S))
print(re.match(r'(a)(?(1)b|c)', 'ab'), re.match(r'(?>a+)b', 'aab'), re.match(r'a++a', 'aaa'))
for p in ['(a', 'a)', '*a', '[a', 'a{2,1}', '(?<=a+)b', '\\', '(?P<n>a)(?P<n>b)', 'a**', r'\q', '[z-a]']:
    try:
        re.compile(p)
    except re.error as e:
        print(repr(p), '->', e, e.pos)
print(re.escape('a.b*c'), re.match('(a*)*b', 'a' * 20))
