#!/usr/bin/env python3
"""Normalise a plain pg_dump script so that two dumps of logically equal
databases compare equal: rows inside each COPY block are sorted (physical
row order is not preserved by a dump/restore). Reads argv[1], writes argv[2]."""
import sys

src, dst = sys.argv[1], sys.argv[2]
out, block = [], None
with open(src, encoding='utf-8', errors='surrogateescape') as f:
    for line in f:
        if block is not None:
            if line == '\\.\n':
                out.extend(sorted(block)); out.append(line); block = None
            else:
                block.append(line)
            continue
        out.append(line)
        if line.startswith('COPY ') and line.rstrip().endswith('FROM stdin;'):
            block = []
with open(dst, 'w', encoding='utf-8', errors='surrogateescape') as f:
    f.writelines(out)
