import { type ChildProcess, execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../../fixtures/edge-cases/expected.js';
import { startApi } from '../../support/api-process.js';
import { FIXTURES } from '../../support/duckdb.js';

/** Starts the built API (as `npm start` does) over the edge-case fixture. */
const start = (env: Record<string, string>) =>
  startApi({ FANBASE_DATA: join(FIXTURES, 'edge-cases/parquet'), FANBASE_AS_OF: '2026-06-15', ...env });

const stop = (child: ChildProcess) => child.exitCode === null && child.kill('SIGKILL');
const Main = suite('serve (npm start)');

Main("serves the specification's curl command on localhost:8080 by default", async () => {
  const server = start({});
  try {
    const url = await server.loaded;
    assert.is(url, 'http://127.0.0.1:8080');
    const { stdout } = await promisify(execFile)('sh', [
      '-c',
      `curl -XPOST http://localhost:8080/fanbase -d '{"artist_id": 123}'`,
    ]);
    assert.equal(JSON.parse(stdout), edge.SUMMARIES[0]);
  } finally {
    stop(server.child);
  }
});

Main('SIGTERM finishes the request in flight, closes DuckDB and exits 0', async () => {
  const server = start({ PORT: '0' });
  try {
    const url = new URL(await server.loaded);
    const socket = connect(Number(url.port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (c) => {
      answer += c;
    });
    const body = '{"artist_id": 500}';
    socket.write(
      `POST /fanbase HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 4)}`,
    );
    await new Promise((r) => setTimeout(r, 100));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    socket.write(body.slice(4));
    assert.is(await server.exited, 0);
    assert.match(answer, /^HTTP\/1.1 200 OK/);
    assert.equal(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).total_fans, 2);
    const { stdout } = server.output();
    assert.match(stdout, /"signal":"SIGTERM","msg":"shutting down"/);
    assert.match(stdout, /"msg":"stopped"/);
  } finally {
    stop(server.child);
  }
});

Main('a bad setting exits 2 naming the variable; a dataset that cannot load exits 1 saying why', async () => {
  const badPort = start({ PORT: 'eighty' });
  assert.is(await badPort.exited, 2);
  assert.match(badPort.output().stderr, /PORT must be a whole number from 0 to 65535, got "eighty"/);
  const badData = start({ PORT: '0', FANBASE_DATA: join(FIXTURES, 'invalid/malformed-csv') });
  assert.is(await badData.exited, 1);
  assert.match(badData.output().stderr, /cannot load the dataset: .*streams.csv: malformed CSV at line 3/);
  // the log line says where, never the offending row (which may hold personal data)
  assert.match(
    badData.output().stdout,
    /"code":"DATA_MALFORMED","location":\{"table":"streams","file":"[^"]+streams.csv","line":3\}/,
  );
  assert.not.match(badData.output().stdout, /oops|2026-06-01T10:00:00Z/);
  const badDate = start({ PORT: '0', FANBASE_AS_OF: '2026-02-30' });
  assert.is(await badDate.exited, 2);
  assert.match(badDate.output().stderr, /FANBASE_AS_OF must be a date written YYYY-MM-DD, got "2026-02-30"/);
});

Main('a public key that FANBASE_JWT_ALGORITHM does not verify with exits 2 naming the variable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-keys-'));
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(dir, 'rsa.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  const wrong = start({
    PORT: '0',
    FANBASE_JWT_PUBLIC_KEY_FILE: join(dir, 'rsa.pem'),
    FANBASE_JWT_ALGORITHM: 'ES256',
  });
  assert.is(await wrong.exited, 2);
  assert.match(wrong.output().stderr, /FANBASE_JWT_ALGORITHM is ES256, .*set FANBASE_JWT_ALGORITHM=RS256/);
  assert.not.match(wrong.output().stderr, /cannot listen/);
});

Main.run();
