#!/usr/bin/env python3
"""Why a function is in the main module: the chain of calls from the nearest `alur::` function.
Usage: callers.py <input.wasm (built with --emit-relocs)> <target/wasm-split/alur.wasm> <name part>...
"""
import sys, collections
sys.argv, targets = sys.argv[:3], sys.argv[3:]
src = open(__import__("os").path.join(__import__("os").path.dirname(__file__), "data.py")).read().split("print(f'data symbols reached")[0]
exec(src)
callers = collections.defaultdict(set)
for t, o, idx, add in relocs.get(code_si, []):
    if t in FUNCREF and symbols[idx][0] == 'func':
        callers[symbols[idx][1]].add(func_at(o))
rootset = set(roots)
for pat in targets:
    tg = [f for f in fnames if pat in fnames[f] and f in rootset]
    for t in tg[:3]:
        # BFS back to the first alur:: function(s)
        prev = {t: None}; q = collections.deque([t]); found = []
        while q and len(found) < 6:
            f = q.popleft()
            if 'alur' in fnames.get(f, '') and f != t: found.append(f); continue
            for c in callers.get(f, ()):
                if c not in prev and c in rootset: prev[c] = f; q.append(c)
        print('==', fnames[t][:100])
        for f in found:
            chain = []; x = f
            while x is not None: chain.append(fnames.get(x, '?')[:90]); x = prev[x]
            print('   ' + '\n     <- '.join(reversed(chain)) if False else '   ' + ' -> '.join(c[:70] for c in chain))
