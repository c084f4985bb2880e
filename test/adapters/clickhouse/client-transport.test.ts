import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clientTransport, serverTransport } from '../../../src/adapters/clickhouse/client-transport.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Client = suite('client transport (@clickhouse/client)');

Client('a server URL that is not one is refused before any connection', async () => {
  await expectFanbaseError(
    () => serverTransport({ url: 'localhost 8123' }),
    'INVALID_OPTIONS',
    /FANBASE_CLICKHOUSE_URL must be a URL/,
  );
});

Client('an unreachable server: ENGINE_UNAVAILABLE naming the URL, never the password', async () => {
  const transport = serverTransport({ url: 'http://fanbase:s3cret@127.0.0.1:9/', queryTimeoutMs: 2000 });
  try {
    const error = await expectFanbaseError(
      () => transport.query('-- latest load\nselect 1'),
      'ENGINE_UNAVAILABLE',
      /127\.0\.0\.1:9/,
    );
    assert.not.match(error.message, /s3cret/);
    assert.not.match(transport.target, /s3cret|fanbase@/);
  } finally {
    await transport.close();
  }
});

Client('queries and parameters through the client, chdb as its connection', async () => {
  const path = mkdtempSync(join(tmpdir(), 'fanbase-client-'));
  const transport = clientTransport(
    createClient({ connection: createChdbConnection({ path }) as never }),
    'chdb',
  );
  try {
    const rows = await transport.query('select {n:Int64} * 2 as n, {s:String} as s, toInt64(2) as i', {
      n: 21,
      s: "a'b",
    });
    assert.equal(rows, [{ n: 42, s: "a'b", i: 2 }]);
    await transport.command('create table t (x Int64) engine = Memory');
    await transport.command('insert into t values ({x:Int64})', { x: 7 });
    assert.equal(await transport.query('select x from t'), [{ x: 7 }]);
    await transport.close();
    await expectFanbaseError(() => transport.query('select 1'), 'CLOSED');
  } finally {
    await transport.close();
    rmSync(path, { recursive: true, force: true });
  }
});

Client.run();
