// The floor for table data: `COPY <table> TO STDOUT` drained to /dev/null (or a file) by the smallest
// client that can do it (pg + pg-copy-streams, no parsing). Run as a child so its CPU and memory are
// measured alone.
// usage: node dist/bench/copy-floor.js [--ours] <url> <table or (query)> [coalesce-bytes] [output-file]
//   --ours: read with pgdump-ts's own CopyOutReader (src/data/copy.ts) instead of pg-copy-streams
//   coalesce-bytes: gather the stream's chunks into buffers of at least this size before each write
//   (an experiment: fewer, larger writes); 0 or absent = write chunks as they come.
// Prints the byte count on stdout.
import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { copyOut } from '../src/data/copy.js';

const ours = process.argv.includes('--ours');
const [url, table, coalesceArg, outFile] = process.argv.slice(2).filter((a) => a !== '--ours');
if (!url || !table) {
  process.stderr.write('usage: copy-floor <url> <table> [coalesce-bytes] [output-file]\n');
  process.exit(2);
}
const coalesce = Number(coalesceArg ?? 0);

/** Concatenates chunks until `size` bytes are pending, then passes them on as one buffer. */
function coalescer(size: number): Transform {
  let pending: Buffer[] = [];
  let length = 0;
  return new Transform({
    readableHighWaterMark: size,
    writableHighWaterMark: size,
    transform(chunk: Buffer, _enc, cb) {
      pending.push(chunk);
      length += chunk.length;
      if (length >= size) {
        const out = Buffer.concat(pending, length);
        pending = [];
        length = 0;
        cb(null, out);
      } else cb();
    },
    flush(cb) {
      cb(null, length ? Buffer.concat(pending, length) : undefined);
    },
  });
}

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const stream = ours ? Readable.from(copyOut(client, `COPY ${table} TO STDOUT`)) : client.query(copyTo(`COPY ${table} TO STDOUT`));
  let bytes = 0;
  stream.on('data', (b: Buffer) => { bytes += b.length; });
  const sink = fs.createWriteStream(outFile ?? '/dev/null', coalesce > 0 ? { highWaterMark: coalesce } : {});
  if (coalesce > 0) await pipeline(stream, coalescer(coalesce), sink);
  else await pipeline(stream, sink);
  process.stdout.write(`${bytes}\n`);
} finally {
  await client.end();
}
