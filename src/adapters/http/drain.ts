import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';

/**
 * Closes the listening socket and waits for every connection to end, cutting those left at `timeoutMs`;
 * resolves with how many were cut (0: all ended on their own).
 *
 * Only the listening socket: http's `close()` also closes the keep-alive connections it deems idle (Node
 * >= 19), and under load a connection is "idle" for the instant between an answer and the next request,
 * which may already be on the wire: that request is reset with no byte of answer. Here no connection is
 * closed under a request. Each connection ends after its next answer, which the caller marks
 * `Connection: close`, or, idle, at the keep-alive timeout it was announced (`Keep-Alive: timeout=5`):
 * a client that honours it never sends on a connection the server is closing.
 */
export function drain(server: Server, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    let cut = 0;
    const timer = setTimeout(() => {
      server.getConnections((_error, count) => {
        cut = count;
        server.closeAllConnections();
      });
    }, timeoutMs).unref();
    NetServer.prototype.close.call(server, () => {
      clearTimeout(timer);
      // no connection left: http's close() now only stops the checker of REQUEST_TIMEOUT_MS, which went on
      // answering 408 to slow requests during the drain
      server.close();
      resolve(cut);
    });
  });
}
