def dedent(text):
    lines = text.split('\n')
    margin = None
    for line in lines:
        stripped = line.lstrip()
        if not stripped:
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None or len(indent) < len(margin):
            margin = indent
    if not margin:
        return '\n'.join(l if l.strip() else '' for l in lines)
    return '\n'.join(l[len(margin):] if l.strip() else '' for l in lines)

def indent(text, prefix, predicate=None):
    if predicate is None:
        predicate = lambda line: line.strip()
    return ''.join(prefix + line if predicate(line) else line for line in text.splitlines(True))

def shorten(text, width, placeholder=' [...]'):
    text = ' '.join(text.split())
    if len(text) <= width:
        return text
    words = text.split()
    out = ''
    for w in words:
        cand = (out + ' ' + w).strip()
        if len(cand) + len(placeholder) > width:
            break
        out = cand
    return out + placeholder

def wrap(text, width=70):
    words = text.split()
    lines, cur = [], ''
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + ' ' + w) if cur else w
    if cur:
        lines.append(cur)
    return lines

def fill(text, width=70):
    return '\n'.join(wrap(text, width))
