"""Reading a wasm file: LEB128 numbers, sections, and function names (the name section)."""
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
def sleb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80:
            if x & 0x40: r -= 1 << s
            return r, i
def name_str(b, i):
    l, i = leb(b, i); return b[i:i+l].decode('utf8', 'replace'), i + l
def sections(b):
    i = 8; out = []
    while i < len(b):
        sid = b[i]; i += 1; size, i = leb(b, i); out.append((sid, i, size)); i += size
    return out
def func_names(b):
    names = {}; nimp = 0
    for sid, off, size in sections(b):
        if sid == 2:
            n, i = leb(b, off)
            for _ in range(n):
                _, i = name_str(b, i); _, i = name_str(b, i); k = b[i]; i += 1
                if k == 0: _, i = leb(b, i); nimp += 1
                elif k == 1: i += 1; fl, i = leb(b, i); _, i = leb(b, i); i = leb(b, i)[1] if fl & 1 else i
                elif k == 2: fl, i = leb(b, i); _, i = leb(b, i); i = leb(b, i)[1] if fl & 1 else i
                elif k == 3: i += 2
        if sid == 0:
            nm, i = name_str(b, off)
            if nm == 'name':
                end = off + size
                while i < end:
                    sub = b[i]; i += 1; sz, i = leb(b, i)
                    if sub == 1:
                        n, j = leb(b, i)
                        for _ in range(n):
                            idx, j = leb(b, j); s, j = name_str(b, j); names[idx] = s
                    i += sz
    return names, nimp
