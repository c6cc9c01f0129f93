// Pure parts of the archive restore: the end of COPY data, IF EXISTS in DROP statements.
import { describe, expect, it } from 'vitest';
import { withIfExists } from '../src/restore/archive/engine.js';
import type { TocItem } from '../src/restore/archive/reader.js';
import { withoutEndMarker } from '../src/restore/archive/session.js';

async function strip(data: string, cut: number[]): Promise<string> {
  const pieces: Buffer[] = [];
  let from = 0;
  for (const c of [...cut, data.length]) {
    pieces.push(Buffer.from(data.slice(from, c), 'latin1'));
    from = c;
  }
  const out: Buffer[] = [];
  for await (const b of withoutEndMarker((async function* () { yield* pieces; })())) out.push(b);
  return Buffer.concat(out).toString('latin1');
}

describe('withoutEndMarker', () => {
  const rows = '1\tone\n2\t\\\\.\n3\ta\\.b\n\\\\.x\n';
  const data = `${rows}\\.\n\n`;

  it('drops the \\. line and what follows, wherever the chunks are cut', async () => {
    for (let i = 0; i <= data.length; i++) {
      for (let j = i; j <= data.length; j++) expect(await strip(data, [i, j]), `cut at ${i}, ${j}`).toBe(rows);
    }
  });

  it('keeps data without a marker, and escaped backslashes before a dot', async () => {
    expect(await strip(rows, [3])).toBe(rows);
    expect(await strip('\\.\n', [])).toBe('');
    expect(await strip('a\n\\.', [2])).toBe('a\n');
    expect(await strip('a\n\\', [])).toBe('a\n\\');
  });
});

describe('withIfExists', () => {
  const te = (desc: string, dropStmt: string) => ({ desc, dropStmt }) as TocItem;
  it('puts IF EXISTS where pg_restore does', () => {
    expect(withIfExists(te('TABLE', 'DROP TABLE public.t;\n'))).toBe('DROP TABLE IF EXISTS public.t;\n');
    expect(withIfExists(te('FK CONSTRAINT', 'ALTER TABLE ONLY public.t DROP CONSTRAINT t_fk;\n'))).toBe('ALTER TABLE IF EXISTS ONLY public.t DROP CONSTRAINT IF EXISTS t_fk;\n');
    expect(withIfExists(te('DEFAULT', 'ALTER TABLE public.t ALTER COLUMN a DROP DEFAULT;\n'))).toBe('ALTER TABLE IF EXISTS public.t ALTER COLUMN a DROP DEFAULT;\n');
    expect(withIfExists(te('RULE', 'CREATE OR REPLACE VIEW public.v AS SELECT 1;\n'))).toBe('CREATE OR REPLACE VIEW public.v AS SELECT 1;\n');
    const warnings: string[] = [];
    expect(withIfExists(te('ODD THING', 'DROP SOMETHING x;\n'), (m) => warnings.push(m))).toBe('DROP SOMETHING x;\n');
    expect(warnings).toHaveLength(1);
  });
});
