import net from 'node:net';
import type pg from 'pg';

/** What pg.Client knows about its server connection but does not declare. */
interface BackendKey {
  readonly host?: string;
  readonly port?: number;
  readonly processID?: number | null;
  readonly secretKey?: number | Buffer | null;
}

const CANCEL_REQUEST_CODE = 80877102;

/**
 * Asks the server to cancel whatever `client` is running, with the protocol's CancelRequest on
 * a new connection (what libpq's PQcancel does, and what works through PgBouncer and for any
 * role). Closing our own socket is not enough: a backend waiting for a lock or busy computing
 * does not notice a vanished client until it next writes to it, and would keep running.
 * Resolves once the server has taken the request (it closes the connection), on any failure,
 * or after `timeoutMs`: cancelling is best effort and never throws.
 */
export function cancelRunningQuery(client: pg.Client, timeoutMs = 3000): Promise<void> {
  const key = client as unknown as BackendKey;
  if (key.processID == null || key.secretKey == null || !key.host || !key.port) return Promise.resolve();
  const secret = Buffer.isBuffer(key.secretKey) ? key.secretKey : Buffer.alloc(4);
  if (!Buffer.isBuffer(key.secretKey)) secret.writeInt32BE(key.secretKey, 0);
  const packet = Buffer.alloc(12 + secret.length);
  packet.writeInt32BE(packet.length, 0);
  packet.writeInt32BE(CANCEL_REQUEST_CODE, 4);
  packet.writeInt32BE(key.processID, 8);
  secret.copy(packet, 12);
  return new Promise<void>((resolve) => {
    const socket = key.host!.startsWith('/')
      ? net.connect(`${key.host}/.s.PGSQL.${key.port}`)
      : net.connect(key.port!, key.host!);
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('connect', () => socket.end(packet));
    socket.on('error', done);
    socket.on('close', done);
    socket.resume();
  });
}
