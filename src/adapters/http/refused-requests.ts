import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import {
  expectationFailed,
  type FanbaseError,
  invalidRequest,
  methodNotAllowed,
  requestHeaderFieldsTooLarge,
  requestTimeout,
} from '../../domain/errors.js';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem.js';

/** The headers every answer carries (request-context.ts sets them on Koa's), and the connection's end. */
const HEADERS = {
  'Content-Type': PROBLEM_CONTENT_TYPE,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  Connection: 'close',
};

/**
 * Requests that never reach Koa (a malformed request line or header, headers too large, a request that did
 * not arrive in time, an unsupported Expect, CONNECT) still get a problem+json answer, built by `problemOf`
 * as every other, and a log line, not Node's bare default.
 */
export function answerRefusedRequests(server: Server, logger: Logger): void {
  const answer = (socket: Duplex, error: FanbaseError) => {
    const problem = problemOf(error);
    const body = JSON.stringify(problem);
    if (socket.writable) {
      const headers = Object.entries({ ...HEADERS, 'Content-Length': Buffer.byteLength(body) })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.end(`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${headers}\r\n${body}`);
    }
    logger.info({ status: problem.status, reason: problem.title }, 'request refused before routing');
  };
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      return answer(socket, requestTimeout('the request did not arrive whole in time: send it at once'));
    }
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      return answer(socket, requestHeaderFieldsTooLarge('the request headers are too large'));
    }
    answer(
      socket,
      invalidRequest('the request is not valid HTTP/1.1: send a POST /fanbase with a JSON body'),
    );
  });
  server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) => {
    const problem = problemOf(expectationFailed('only "Expect: 100-continue" is supported'));
    response.writeHead(problem.status, HEADERS).end(JSON.stringify(problem));
  });
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    answer(socket, methodNotAllowed('CONNECT is not allowed: this is not a proxy'));
  });
}
