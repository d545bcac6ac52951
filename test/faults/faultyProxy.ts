/**
 * A loopback HTTP proxy that misbehaves on a seeded schedule, placed between the workstation's
 * sync client and the server: it drops requests, drops responses after the server committed,
 * delays (past the client's timeout, so a retry overtakes the original: reordering), duplicates
 * requests, cuts responses mid-body, and answers 502/503 itself.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '../../server/src/demo/random';

export type Fault = 'pass' | 'drop_request' | 'drop_response' | 'delay' | 'duplicate' | 'cut_body' | 'bad_gateway' | 'unavailable';

export const FAULTS: readonly Fault[] = ['pass', 'drop_request', 'drop_response', 'delay', 'duplicate', 'cut_body', 'bad_gateway', 'unavailable'];

export type FaultyProxy = {
  url: string;
  /** Requests seen per fault. */
  counts: Record<Fault, number>;
  /** Faults off: every request passes (to converge at the end). */
  calm(): void;
  close(): Promise<void>;
};


type Upstream = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function forward(target: URL, req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/**
 * `faultRate` of requests get a fault other than 'pass'; the poke stream (SSE) is passed through
 * untouched since it never ends.
 */
export async function startFaultyProxy(target: string, options: { seed: number; faultRate: number; delayMs: number }): Promise<FaultyProxy> {
  const random = mulberry32(options.seed);
  const targetUrl = new URL(target);
  const counts = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  let calm = false;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const fault: Fault = calm || req.url?.startsWith('/sync/poke') ? 'pass' : random() < options.faultRate ? FAULTS[1 + Math.floor(random() * (FAULTS.length - 1))]! : 'pass';
      counts[fault]++;
      const reply = (up: Upstream) => {
        res.writeHead(up.status, { 'content-type': up.headers['content-type'] ?? 'application/json' });
        res.end(up.body);
      };
      const fail = () => res.destroy();
      switch (fault) {
        case 'drop_request':
          return res.destroy();
        case 'bad_gateway':
        case 'unavailable':
          res.writeHead(fault === 'bad_gateway' ? 502 : 503, { 'content-type': 'text/html' });
          return res.end('<html>proxy error</html>');
        case 'drop_response':
          // The server does the work; the client never hears about it.
          return void forward(targetUrl, req, body).then(fail, fail);
        case 'cut_body':
          return void forward(targetUrl, req, body).then((up) => {
            res.writeHead(up.status, { 'content-type': up.headers['content-type'] ?? 'application/json', 'content-length': String(up.body.length) });
            res.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
            res.destroy();
          }, fail);
        case 'delay':
          return void setTimeout(() => void forward(targetUrl, req, body).then(reply, fail), options.delayMs);
        case 'duplicate':
          return void forward(targetUrl, req, body)
            .then(() => forward(targetUrl, req, body))
            .then(reply, fail);
        default:
          return void forward(targetUrl, req, body).then(reply, fail);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    calm: () => {
      calm = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
