import { type Logger, symbols } from 'pino';

/**
 * A speed trick, fenced here: it reads two private symbols of pino (`streamSym`, `chindingsSym`), pinned by
 * test/adapters/http/access-log-writer.test.ts, which compares its lines with pino's own.
 */
export type AccessLog = (
  method: string,
  path: string,
  status: number,
  durationMs: number,
  requestId: string,
) => void;

/**
 * One pino-format JSON line per request, written to the logger's own destination, at level info. The lines
 * of one turn of the event loop go out in one write: a write per request cost ~8% of the API's CPU under
 * load (NOTES.md, "The web API"). pino's own buffering (`minLength`) cost more than it saved: its destination
 * measures the whole pending buffer on every write.
 */
export function accessLogWriter(logger: Logger): AccessLog {
  const stream = (logger as unknown as Record<symbol, { write(line: string): unknown }>)[symbols.streamSym];
  if (!stream || !logger.isLevelEnabled('info')) return () => {};
  // the logger's base fields and bindings (pid, hostname, "service":"fanbase"), already serialized by pino
  const base = String((logger as unknown as Record<symbol, string | undefined>)[symbols.chindingsSym] ?? '');
  let pending = '';
  const flush = () => {
    stream.write(pending);
    pending = '';
  };
  return (method, path, status, durationMs, requestId) => {
    if (pending === '') setImmediate(flush);
    pending += `{"level":30,"time":${Date.now()}${base},"method":"${method}","path":${JSON.stringify(path)},"status":${status},"duration_ms":${durationMs},"request_id":"${requestId}","msg":"request"}\n`;
  };
}
