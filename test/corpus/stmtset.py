#!/usr/bin/env python3
"""Compare two plain dump scripts as multisets of statements, ignoring order,
comments, blank lines, session SETs/set_config calls and COPY row data (only the
COPY statement itself counts). Prints "-stmt" (only in A) / "+stmt" (only in B)
with whitespace collapsed. Usage: stmtset.py A.sql B.sql

Known spelling differences between pg_dump 15 and pgdump-ts (which follows
pg_dump 18 and the server's own deparsers) are folded before comparing:
ALTER TABLE/SEQUENCE/VIEW/MATERIALIZED VIEW ... OWNER (pg_dump 17+ names the
kind), dollar-quote tags ($_$ vs pg_get_functiondef's $function$), and quotes
around plain lower-case identifiers (the keyword list grew: "json" in 16)."""
import collections, re, sys

SKIP = re.compile(r"^(SET |SELECT pg_catalog\.set_config\(|\\restrict |\\unrestrict |\\connect )")

def fold(s):
    s = re.sub(r'^ALTER (TABLE|SEQUENCE|VIEW|MATERIALIZED VIEW) (\S+) OWNER TO ', r'ALTER <relation> \2 OWNER TO ', s)
    s = re.sub(r'\$[A-Za-z_]*\$', '$$', s)
    s = re.sub(r'"([a-z_][a-z0-9_]*)"', r'\1', s)
    return s

def statements(path):
    out, cur, tag, in_copy = [], [], None, False
    with open(path, encoding='utf-8', errors='surrogateescape') as f:
        for line in f:
            if in_copy:
                if line == '\\.\n': in_copy = False
                continue
            if tag is None and not cur and (line.startswith('--') or not line.strip()):
                continue
            cur.append(line)
            for m in re.finditer(r"\$([A-Za-z_0-9]*)\$", line):
                t = m.group(0)
                if tag is None: tag = t
                elif t == tag: tag = None
            if tag is None and line.rstrip().endswith(';'):
                s = ' '.join(' '.join(cur).split())
                cur = []
                if s.startswith('COPY ') and s.endswith('FROM stdin;'): in_copy = True
                if not SKIP.match(s): out.append(fold(s))
    return collections.Counter(out)

a, b = statements(sys.argv[1]), statements(sys.argv[2])
for s in sorted((a - b).elements()): print('-' + s)
for s in sorted((b - a).elements()): print('+' + s)
