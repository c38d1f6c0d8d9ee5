#!/usr/bin/env python3
"""Sizes of a wasm module (#21): code per crate and per module of Alur, from the name section
of a module that keeps it (target/wasm-split/*.wasm), and its data segments.
Usage: sizes.py target/wasm-split/alur.wasm [crates to list] [largest functions to list]
"""
import sys, re, zlib, collections
sys.path.insert(0, __import__("os").path.dirname(__file__))
from wasmfile import leb, sections, func_names  # noqa: E402
def demangle(n):
    if n.startswith('_ZN'):
        i = 3; parts = []
        while i < len(n) and n[i].isdigit():
            j = i
            while n[j].isdigit(): j += 1
            l = int(n[i:j]); parts.append(n[j:j+l]); i = j + l
        return '::'.join(p for p in parts if not re.fullmatch(r'h[0-9a-f]{16}', p))
    return n
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
b = open(sys.argv[1], 'rb').read(); secs = sections(b)
names, nimports = func_names(b); bodies = []; data = []
for sid, off, size in secs:
    if sid == 0:
        pass
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
