// Streams a gzip'd dump straight into S3-compatible object storage: nothing touches the
// local disk, memory stays bounded (the multipart upload takes 8 MB parts as they come).
//
//   S3_BUCKET=backups DATABASE_URL=postgres://... node dist/examples/s3-backup.js
//
// Works with AWS S3 and with S3-compatible services (MinIO, R2, ...: set S3_ENDPOINT).
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { dump, type DumpResult } from 'pgdump-ts';

export interface S3BackupOptions {
  /** the database to dump (URI or conninfo) */
  readonly databaseUrl: string;
  readonly bucket: string;
  /** object key, e.g. `app/2026-11-25.sql.gz` */
  readonly key: string;
  readonly client?: S3Client;
  readonly signal?: AbortSignal;
}

export async function backupToS3(o: S3BackupOptions): Promise<{ summary: DumpResult; location: string | undefined }> {
  const client = o.client ?? new S3Client({ endpoint: process.env.S3_ENDPOINT, forcePathStyle: !!process.env.S3_ENDPOINT });
  const body = new PassThrough();
  const upload = new Upload({
    client,
    params: { Bucket: o.bucket, Key: o.key, Body: body, ContentType: 'application/sql', ContentEncoding: 'gzip' },
    partSize: 8 * 1024 * 1024,
    queueSize: 2,
  });
  const handle = dump({ dbname: o.databaseUrl, signal: o.signal });
  handle.on('table-done', (t) => console.error(`${t.schema}.${t.table}: ${t.rows} rows`));
  handle.on('warning', (m) => console.error(`warning: ${m}`));
  // A failed dump fails the pipeline, which aborts the multipart upload: no partial object appears.
  const uploaded = upload.done();
  uploaded.catch(() => undefined); // awaited below; aborted on failure
  try {
    await pipeline(handle, createGzip({ level: 6 }), body);
  } catch (e) {
    await upload.abort();
    throw e;
  }
  const [summary, result] = await Promise.all([handle.result, uploaded]);
  return { summary, location: result.Location };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bucket = process.env.S3_BUCKET;
  const databaseUrl = process.env.DATABASE_URL;
  if (!bucket || !databaseUrl) throw new Error('set S3_BUCKET and DATABASE_URL');
  const key = `${new URL(databaseUrl).pathname.slice(1) || 'postgres'}/${new Date().toISOString().replace(/[:.]/g, '-')}.sql.gz`;
  const { summary, location } = await backupToS3({ databaseUrl, bucket, key });
  console.log(`uploaded ${location ?? key}: ${summary.tables} tables, ${summary.rows} rows, ${summary.dataBytes} bytes of data in ${summary.durationMs} ms`);
}
