// The members of a tar file (ustar, as pg_dump writes it): names, sizes and where their data
// starts, read from the headers alone.
import { DumpError } from '../../errors.js';
import { FileCursor } from './cursor.js';

export interface TarMember {
  name: string;
  offset: number;
  size: number;
}

function octal(b: Buffer): number {
  // GNU base-256 for large sizes: high bit of the first byte set
  if (b[0]! & 0x80) {
    let v = 0;
    for (let i = 1; i < b.length; i++) v = v * 256 + b[i]!;
    return v;
  }
  const s = b.toString('latin1').replace(/\0.*$/s, '').trim();
  return s === '' ? 0 : parseInt(s, 8);
}

/** Whether a 512-byte block is a tar header with a valid checksum (pg_restore's test). */
export function isTarHeader(h: Buffer): boolean {
  if (h.length < 512) return false;
  const stored = octal(h.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return Number.isFinite(stored) && stored === sum;
}

export function indexTar(file: string): TarMember[] {
  const c = new FileCursor(file);
  try {
    const members: TarMember[] = [];
    while (c.position + 512 <= c.size) {
      const h = c.exactly(512);
      if (h.every((b) => b === 0)) break;
      if (!isTarHeader(h)) {
        if (members.length === 0) throw new DumpError('usage', `input file "${file}" does not appear to be a valid archive`);
        throw new DumpError('usage', `archive "${file}": corrupt tar header at byte ${c.position - 512}`);
      }
      const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
      const size = octal(h.subarray(124, 136));
      members.push({ name, offset: c.position, size });
      c.seek(c.position + Math.ceil(size / 512) * 512);
    }
    return members;
  } finally {
    c.close();
  }
}
