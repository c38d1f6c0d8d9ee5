#!/usr/bin/env python3
"""Sizes of a wasm module (#21): code per crate and per module of Alur, from the name section
of a module that keeps it (target/wasm-split/*.wasm), and its data segments.
Usage: sizes.py target/wasm-split/alur.wasm [crates to list] [largest functions to list]
"""
import sys, re, zlib, collections
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
def demangle(n):
    if n.startswith('_ZN'):
        i = 3; parts = []
        while i < len(n) and n[i].isdigit():
            j = i
            while n[j].isdigit(): j += 1
            l = int(n[i:j]); parts.append(n[j:j+l]); i = j + l
        return '::'.join(p for p in parts if not re.fullmatch(r'h[0-9a-f]{16}', p))
    return n
def parse(path):
    b = open(path, 'rb').read(); i = 8; secs = []
    while i < len(b):
        sid = b[i]; i += 1; size, i = leb(b, i); secs.append((sid, i, size)); i += size
    return b, secs
def group(n):
    n2 = n
    if n2.startswith('_$LT$'): n2 = n2[5:]
    n2 = re.sub(r'^(\$RF\$|mut\$u20\$|\$u5b\$|dyn\$u20\$)+', '', n2)
    if n2.startswith('_R'):
        m = re.search(r'Cs[0-9A-Za-z]+_(\d+)([a-z_0-9]+)', n2)
        if m: return m.group(2)[:int(m.group(1))]
    m = re.match(r'([a-z_0-9]+)(?:::|\.\.)([a-z_0-9]+)?(?:::|\.\.)?([a-z_0-9]+)?', n2)
    if not m: return n2[:30]
    if m.group(1) == 'alur': return '::'.join(x for x in m.groups() if x)
    return m.group(1)
b, secs = parse(sys.argv[1])
nimports = 0; names = {}; bodies = []; data = []
for sid, off, size in secs:
    if sid == 2:
        n, i = leb(b, off)
        for _ in range(n):
            l, i = leb(b, i); i += l; l, i = leb(b, i); i += l
            k = b[i]; i += 1
            if k == 0: _, i = leb(b, i); nimports += 1
            elif k == 1: i += 1; fl, i = leb(b, i); _, i = leb(b, i); i = leb(b, i)[1] if fl & 1 else i
            elif k == 2: fl, i = leb(b, i); _, i = leb(b, i); i = leb(b, i)[1] if fl & 1 else i
            elif k == 3: i += 2
    elif sid == 10:
        n, i = leb(b, off)
        for k in range(n):
            l, j = leb(b, i); bodies.append((nimports + k, j - i + l)); i = j + l
    elif sid == 11:
        n, i = leb(b, off)
        for _ in range(n):
            fl, i = leb(b, i)
            if fl == 0:
                while b[i] != 0x0b: i += 1
                i += 1
            elif fl == 2:
                _, i = leb(b, i)
                while b[i] != 0x0b: i += 1
                i += 1
            l, i = leb(b, i); data.append(b[i:i+l]); i += l
    elif sid == 0:
        l, i = leb(b, off); nm = b[i:i+l].decode(); i += l
        if nm == 'name':
            end = off + size
            while i < end:
                sub = b[i]; i += 1; sz, i = leb(b, i)
                if sub == 1:
                    n, j = leb(b, i)
                    for _ in range(n):
                        idx, j = leb(b, j); l, j = leb(b, j); names[idx] = b[j:j+l].decode('utf8', 'replace'); j += l
                i += sz
tot = sum(s for _, s in bodies)
dat = b''.join(data)
print(f'code {tot} B in {len(bodies)} functions; data {len(dat)} B in {len(data)} segments, gzip {len(zlib.compress(dat, 9))}; file {len(b)} gzip {len(zlib.compress(b, 9))}')
by = collections.Counter(); top = []
for idx, s in bodies:
    n = demangle(names.get(idx, f'f{idx}'))
    by[group(n)] += s; top.append((s, n))
for k, v in by.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 25): print(f'{v:8d} {k}')
if len(sys.argv) > 3:
    top.sort(reverse=True)
    for s, n in top[:int(sys.argv[3])]: print(f'{s:7d} {n[:160]}')
