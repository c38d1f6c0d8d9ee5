#!/usr/bin/env python3
"""Which data the main module keeps, and why (#21): from the relocations of the input module
(built with -Clink-args=--emit-relocs by scripts/build-wasm.sh), the data symbols reached from
the functions of a split module, largest first, and by the function that reaches them.
Usage: data.py target/split/wasm32-unknown-unknown/release/alur.wasm target/wasm-split/alur.wasm [N] [M]
"""
import sys, zlib, collections, re
sys.path.insert(0, __import__("os").path.dirname(__file__))
from wasmfile import leb, sleb, name_str, sections, func_names  # noqa: E402
inp = open(sys.argv[1], 'rb').read()
secs = sections(inp)
fnames, nimp = func_names(inp)
bodies = []  # (start, end, funcindex) relative to code payload
segs = []    # (payload offset rel to data section, length)
code_off = data_off = None
symbols = []
relocs = {}
for si, (sid, off, size) in enumerate(secs):
    if sid == 10:
        code_off = off; n, i = leb(inp, off)
        for k in range(n):
            l, j = leb(inp, i); bodies.append((i - off, j + l - off, nimp + k)); i = j + l
    elif sid == 11:
        data_off = off; n, i = leb(inp, off)
        for _ in range(n):
            fl, i = leb(inp, i)
            if fl == 2: _, i = leb(inp, i)
            if fl in (0, 2):
                while inp[i] != 0x0b: i += 1
                i += 1
            l, i = leb(inp, i); segs.append((i - off, l)); i += l
    elif sid == 0:
        nm, i = name_str(inp, off); end = off + size
        if nm == 'linking':
            _, i = leb(inp, i)
            while i < end:
                sub = inp[i]; i += 1; sz, i = leb(inp, i); j = i
                if sub == 8:
                    n, j = leb(inp, j)
                    for _ in range(n):
                        kind = inp[j]; j += 1; flags, j = leb(inp, j)
                        if kind == 1:
                            s, j = name_str(inp, j)
                            if not flags & 0x10:
                                seg, j = leb(inp, j); o, j = leb(inp, j); z, j = leb(inp, j)
                                symbols.append(('data', s, seg, o, z))
                            else: symbols.append(('data', s, None, 0, 0))
                        elif kind == 3:
                            sec, j = leb(inp, j); symbols.append(('section', sec))
                        else:
                            idx, j = leb(inp, j)
                            if not (flags & 0x10) or (flags & 0x40): s, j = name_str(inp, j)
                            else: s = None
                            symbols.append(('func' if kind == 0 else 'other', idx, s))
                i += sz
        elif nm.startswith('reloc.'):
            sec, i = leb(inp, i); n, i = leb(inp, i); lst = []
            for _ in range(n):
                t = inp[i]; i += 1; o, i = leb(inp, i); idx, i = leb(inp, i); add = 0
                if t in (3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25): add, i = sleb(inp, i)
                lst.append((t, o, idx, add))
            relocs[sec] = lst
code_si = [si for si, s in enumerate(secs) if s[0] == 10][0]
data_si = [si for si, s in enumerate(secs) if s[0] == 11][0]
import bisect
starts = [b[0] for b in bodies]
def func_at(o):
    k = bisect.bisect_right(starts, o) - 1
    return bodies[k][2]
# data symbols as absolute ranges in the data section payload
dsyms = []
for si, s in enumerate(symbols):
    if s[0] == 'data' and s[2] is not None:
        so = segs[s[2]][0] + s[3]; dsyms.append((so, so + s[4], si))
dsyms.sort()
dstarts = [d[0] for d in dsyms]
def dsym_at(o):
    k = bisect.bisect_right(dstarts, o) - 1
    while k >= 0 and not (dsyms[k][0] <= o < dsyms[k][1]): k -= 1
    return dsyms[k][2] if k >= 0 else None
MEM = (3, 4, 5, 11, 14, 15, 16, 17, 21, 23, 25)
FUNCREF = (0, 1, 2, 12, 18, 19, 24, 26)
f2d = collections.defaultdict(set); d2d = collections.defaultdict(set); d2f = collections.defaultdict(set)
for t, o, idx, add in relocs.get(code_si, []):
    if t in MEM and symbols[idx][0] == 'data': f2d[func_at(o)].add(idx)
for t, o, idx, add in relocs.get(data_si, []):
    src = dsym_at(o)
    if src is None: continue
    if t in MEM and symbols[idx][0] == 'data': d2d[src].add(idx)
    if t in FUNCREF and symbols[idx][0] == 'func': d2f[src].add(symbols[idx][1])
size = {si: s[4] for si, s in enumerate(symbols) if s[0] == 'data' and s[2] is not None}
main = open(sys.argv[2], 'rb').read()
mnames, _ = func_names(main)
mset = set(mnames.values())
roots = [f for f in fnames if fnames[f] in mset]
# which main function first reaches each data symbol
seen = {}; stack = []
for f in roots:
    for d in f2d.get(f, ()):
        if d not in seen: seen[d] = fnames[f]; stack.append(d)
while stack:
    d = stack.pop()
    for e in d2d.get(d, ()):
        if e not in seen: seen[e] = seen[d]; stack.append(e)
tot = sum(size.get(d, 0) for d in seen)
print(f'data symbols reached from the {len(roots)} functions of {sys.argv[2]}: {len(seen)}, {tot} B')
by = collections.Counter()
for d in seen:
    by[(symbols[d][1][:60], seen[d][:100])] += size.get(d, 0)
for (s, f), v in by.most_common(int(sys.argv[3]) if len(sys.argv) > 3 else 40): print(f'{v:7d} {s:60s} <- {f}')
print('--- by the main function that reaches it first')
byf = collections.Counter(); cnt = collections.Counter()
for d in seen: byf[seen[d]] += size.get(d, 0); cnt[seen[d]] += 1
for f, v in byf.most_common(int(sys.argv[4]) if len(sys.argv) > 4 else 40): print(f'{v:7d} {cnt[f]:5d} {f[:140]}')
