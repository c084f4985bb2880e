import { connect } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../../fixtures/edge-cases/expected.js';
import { startServer } from '../../../src/adapters/http/server.js';
import { FanbaseError } from '../../../src/domain/errors.js';
import type { FanDataset } from '../../../src/domain/fanbase.js';
import { openFanbase } from '../../../src/open-fanbase.js';
import {
  closeNow,
  memoryLogger,
  postFanbase,
  rawRequest,
  readyServer,
  TEST_CONFIG,
} from '../../support/http.js';

/**
 * A raw keep-alive connection: `ask` writes a request and resolves with its whole answer (head and body);
 * `closed` settles when the server closes the connection.
 */
async function keepAliveConnection(url: string) {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  let received = '';
  let answered: (answer: string) => void = () => {};
  socket.on('data', (chunk) => {
    received += chunk;
    const headEnd = received.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(received.slice(0, headEnd))?.[1] ?? 0);
    if (Buffer.byteLength(received) < headEnd + 4 + length) return;
    const answer = received;
    received = '';
    answered(answer);
  });
  socket.on('error', () => {});
  let isClosed = false;
  const closed = new Promise<void>((r) => socket.once('close', () => r()));
  closed.then(() => {
    isClosed = true;
  });
  return {
    ask: (text: string) =>
      new Promise<string>((resolve) => {
        answered = resolve;
        socket.write(text);
      }),
    closed,
    isClosed: () => isClosed,
  };
}

const ARTIST_123 = 'POST /fanbase HTTP/1.1\r\nHost: x\r\nContent-Length: 18\r\n\r\n{"artist_id": 123}';
const READY = 'GET /ready HTTP/1.1\r\nHost: x\r\n\r\n';
const refused = (url: string) =>
  fetch(`${url}/health`).then(
    () => false,
    (error) => /ECONNREFUSED/.test(String(error.cause?.code ?? error)),
  );

const Server = suite('startServer');

Server('listens at once: /health answers and /ready is 503 until the dataset is loaded', async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const slowOpen = async (options: Parameters<typeof openFanbase>[0]): Promise<FanDataset> => {
    await gate;
    return openFanbase(options);
  };
  const running = await startServer(TEST_CONFIG, memoryLogger().logger, slowOpen);
  try {
    assert.is((await fetch(`${running.url}/health`)).status, 200);
    const notReady = await fetch(`${running.url}/ready`);
    assert.is(notReady.status, 503);
    assert.is(notReady.headers.get('retry-after'), '1');
    assert.is(((await notReady.json()) as { type: string }).type, 'urn:fanbase:problem:not-ready');
    assert.is((await postFanbase(running.url, '{"artist_id": 123}')).status, 503);
    release();
    await running.ready;
    assert.is((await fetch(`${running.url}/ready`)).status, 200);
    assert.equal((await postFanbase(running.url, '{"artist_id": 123}')).json, edge.SUMMARIES[0]);
  } finally {
    release();
    await closeNow(running);
  }
});

Server('close while the dataset is still loading returns at once', async () => {
  const never = new Promise<FanDataset>(() => {});
  const running = await startServer(TEST_CONFIG, memoryLogger().logger, () => never);
  const started = Date.now();
  await running.close();
  assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`);
});

Server('a request that does not arrive whole within REQUEST_TIMEOUT_MS gets a 408 problem', async () => {
  const server = await readyServer({ requestTimeoutMs: 500 });
  try {
    const started = performance.now();
    // headers and half the body, then nothing
    const answer = await rawRequest(
      server.url,
      'POST /fanbase HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n{"artist',
    );
    const waited = performance.now() - started;
    assert.match(answer, /^HTTP\/1.1 408 /);
    assert.match(answer, /"status":408/);
    assert.ok(waited >= 450 && waited < 5_000, `answered after ${waited} ms`);
    // the server goes on answering
    assert.is((await postFanbase(server.url, '{"artist_id": 123}')).status, 200);
  } finally {
    await server.close();
  }
});

Server('a dataset that fails to load rejects ready with the FanbaseError', async () => {
  const running = await startServer({ ...TEST_CONFIG, data: '/nowhere' }, memoryLogger().logger, openFanbase);
  try {
    await running.ready.then(
      () => assert.unreachable('loaded'),
      (error) => {
        assert.instance(error, FanbaseError);
        assert.match(error.message, /data folder \/nowhere does not exist/);
      },
    );
    assert.is((await fetch(`${running.url}/ready`)).status, 503);
  } finally {
    await closeNow(running);
  }
});

Server('close lets a request in flight finish, then refuses connections', async () => {
  const server = await readyServer();
  const { port } = new URL(server.url);
  // a request whose body arrives in two parts: in flight while close() begins
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  const body = '{"artist_id": 123}';
  socket.write(
    `POST /fanbase HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
  );
  let answer = '';
  socket.on('data', (chunk) => {
    answer += chunk;
  });
  await new Promise((r) => setTimeout(r, 50));
  const closed = server.close();
  await new Promise((r) => setTimeout(r, 50));
  const ended = new Promise((r) => socket.once('close', r));
  socket.write(body.slice(5));
  await closed;
  await ended; // the server closed the connection after answering
  assert.match(answer, /^HTTP\/1.1 200 OK/);
  assert.match(answer, /Connection: close/i);
  assert.equal(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)), edge.SUMMARIES[0]);
  await fetch(`${server.url}/health`).then(
    () => assert.unreachable('still accepting'),
    (error) => assert.match(String(error.cause?.code ?? error), /ECONNREFUSED/),
  );
  socket.destroy();
});

Server('close does not wait past the shutdown timeout for a stalled request', async () => {
  const server = await readyServer({ shutdownTimeoutMs: 200 });
  const { port } = new URL(server.url);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  socket.on('error', () => {});
  socket.write('POST /fanbase HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"ar');
  await new Promise((r) => setTimeout(r, 50));
  const started = Date.now();
  await server.close();
  assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
  assert.ok(server.lines.some((l) => l.includes('requests still in flight at the shutdown timeout')));
});

Server(
  'close cuts no idle keep-alive connection: its next request is answered, with Connection: close',
  async () => {
    const running = await startServer(TEST_CONFIG, memoryLogger().logger, openFanbase);
    await running.ready;
    const connection = await keepAliveConnection(running.url);
    const first = await connection.ask(ARTIST_123);
    assert.match(first, /^HTTP\/1.1 200 OK/);
    assert.match(first, /Connection: keep-alive/i);
    // idle now: a client may be sending its next request on it at this very moment
    const closed = running.close();
    assert.ok(await refused(running.url), 'still accepting new connections');
    await new Promise((r) => setTimeout(r, 200));
    assert.not.ok(connection.isClosed(), 'the idle connection was cut');
    const second = await connection.ask(ARTIST_123);
    assert.match(second, /^HTTP\/1.1 200 OK/);
    assert.match(second, /Connection: close/i);
    assert.equal(JSON.parse(second.slice(second.indexOf('\r\n\r\n') + 4)), edge.SUMMARIES[0]);
    await connection.closed;
    await closed;
  },
);

Server(
  'with a shutdown delay, /ready says 503 at once and the rest is served as usual until it ends',
  async () => {
    const { logger, lines } = memoryLogger();
    const running = await startServer({ ...TEST_CONFIG, shutdownDelayMs: 1_000 }, logger, openFanbase);
    await running.ready;
    const connection = await keepAliveConnection(running.url);
    const closed = running.close();
    const notReady = await connection.ask(READY);
    assert.match(notReady, /^HTTP\/1.1 503 /);
    assert.match(notReady, /Retry-After: 1/);
    assert.match(notReady, /"type":"urn:fanbase:problem:not-ready"/);
    assert.match(notReady, /Connection: keep-alive/i);
    const during = await connection.ask(ARTIST_123);
    assert.match(during, /^HTTP\/1.1 200 OK/);
    assert.match(during, /Connection: keep-alive/i);
    // new connections are still accepted: a load balancer may not have seen /ready fail yet
    const fresh = await rawRequest(
      running.url,
      ARTIST_123.replace('Host: x', 'Host: x\r\nConnection: close'),
    );
    assert.match(fresh, /^HTTP\/1.1 200 OK/);
    assert.ok(lines.some((l) => l.includes('"delay_ms":1000') && l.includes('not ready')));
    // then the listener closes, and the connection ends after its next answer
    while (!(await refused(running.url))) await new Promise((r) => setTimeout(r, 50));
    assert.not.ok(connection.isClosed(), 'the idle connection was cut');
    const after = await connection.ask(ARTIST_123);
    assert.match(after, /^HTTP\/1.1 200 OK/);
    assert.match(after, /Connection: close/i);
    await connection.closed;
    await closed;
  },
);

Server.run();
