import { connect } from 'node:net';

/** What happened to the requests of a keep-alive load, counted per request sent and per connection tried. */
export interface LoadCounts {
  /** Requests written on a connection. */
  sent: number;
  /** Requests that got a whole HTTP answer. */
  answered: number;
  /** Requests whose connection was reset or closed before a byte of answer: lost. */
  reset: number;
  /** Requests whose connection closed part-way through the answer. */
  partial: number;
  /** Connection attempts refused (ECONNREFUSED): the listener was closed. */
  refused: number;
  /** Connection attempts that failed otherwise (a connection reset before it was set up, ...). */
  failedConnects: number;
  /** Answers per status code. */
  statuses: Record<number, number>;
  /** Error codes seen on reset or partial requests and failed connection attempts. */
  errors: Record<string, number>;
}

/** One HTTP/1.1 request, written as is on every turn. */
export function rawRequest(method: string, path: string, body = ''): string {
  return `${method} ${path} HTTP/1.1\r\nHost: fanbase\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/**
 * Clients that each hold a keep-alive connection and send `request` again as soon as the previous answer
 * has arrived (after `pauseMs`, 0 for at once), reconnecting when an answer says `Connection: close` or the
 * connection is lost; a client ends when its connection is refused. Raw sockets, so that a request lost
 * with no byte of answer is told apart from one answered then closed.
 *
 * Each client waits for every client's first answer before its second request: a server under load may
 * leave a new connection in the kernel's accept queue for a second or more (measured here), and one still
 * there when the listener closes is reset, which is a client connecting during shutdown, not a request on
 * an open connection.
 */
export function keepAliveLoad(
  port: number,
  options: { connections: number; request: string; pauseMs?: number; onAnswer?: (status: number) => void },
) {
  const counts: LoadCounts = {
    sent: 0,
    answered: 0,
    reset: 0,
    partial: 0,
    refused: 0,
    failedConnects: 0,
    statuses: {},
    errors: {},
  };
  let waiting = options.connections;
  let allAnswered: () => void = () => {};
  const answeredOnce = new Promise<void>((resolve) => {
    allAnswered = resolve;
  });
  const count = (record: Record<string, number>, key: string | number) => {
    record[key] = (record[key] ?? 0) + 1;
  };
  const client = () =>
    new Promise<void>((resolve) => {
      let answeredBefore = false;
      const open = () => {
        const socket = connect(port, '127.0.0.1');
        socket.setNoDelay(true);
        let connected = false;
        let pending = false;
        let received = Buffer.alloc(0);
        let code = '';
        const send = () => {
          pending = true;
          received = Buffer.alloc(0);
          counts.sent++;
          socket.write(options.request);
        };
        socket.on('connect', () => {
          connected = true;
          send();
        });
        socket.on('data', (chunk: Buffer) => {
          received = Buffer.concat([received, chunk]);
          const headEnd = received.indexOf('\r\n\r\n');
          if (headEnd < 0) return;
          const head = received.subarray(0, headEnd).toString('latin1');
          const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
          if (received.length < headEnd + 4 + length) return;
          pending = false;
          counts.answered++;
          const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
          count(counts.statuses, status);
          options.onAnswer?.(status);
          const next = () => {
            if (/\r\nconnection: *close/i.test(head)) socket.end();
            else if (options.pauseMs) setTimeout(send, options.pauseMs);
            else send();
          };
          if (answeredBefore) return next();
          answeredBefore = true;
          if (--waiting === 0) allAnswered();
          answeredOnce.then(next);
        });
        socket.on('error', (error: NodeJS.ErrnoException) => {
          code = error.code ?? error.message;
        });
        socket.on('close', () => {
          if (!connected) {
            if (code === 'ECONNREFUSED') counts.refused++;
            else {
              counts.failedConnects++;
              count(counts.errors, code || 'closed');
            }
            return resolve(); // the listener is gone (or going): this client is done
          }
          if (pending) {
            if (received.length === 0) counts.reset++;
            else counts.partial++;
            count(counts.errors, code || 'closed');
          }
          open();
        });
      };
      open();
    });
  const clients = Array.from({ length: options.connections }, client);
  return {
    counts,
    /** Settles once every client has had its first answer: all connections accepted, the load under way. */
    answeredOnce,
    /** Settles with the counts once every client has ended. */
    ended: Promise.all(clients).then(() => counts),
  };
}
