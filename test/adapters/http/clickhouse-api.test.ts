/** The API with FANBASE_ENGINE=clickhouse: the same answers, from ClickHouse (chdb in a folder). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as edge from '../../../fixtures/edge-cases/expected.js';
import { startServer } from '../../../src/adapters/http/server.js';
import { openFanbase, prepareFanbase } from '../../../src/open-fanbase.js';
import { FIXTURES } from '../../support/duckdb.js';
import { closeNow, memoryLogger, postFanbase, readyServer, TEST_CONFIG } from '../../support/http.js';

const Api = suite('API over ClickHouse');

Api(
  'POST /fanbase answers the fixture as it does over the exports; a down ClickHouse fails /ready',
  async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fanbase-api-chdb-'));
    const clickhouse = { url: `chdb:${folder}/db` };
    try {
      await prepareFanbase({
        engine: 'clickhouse',
        clickhouse,
        data: join(FIXTURES, 'edge-cases/csv'),
        asOf: edge.AS_OF,
      });
      const server = await readyServer({ engine: { engine: 'clickhouse', clickhouse } });
      try {
        for (const expected of edge.SUMMARIES) {
          const { status, json } = await postFanbase(
            server.url,
            JSON.stringify({ artist_id: expected.artist_id }),
          );
          assert.is(status, 200);
          assert.equal(json, expected);
        }
      } finally {
        await server.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const { logger } = memoryLogger();
    const running = await startServer(
      { ...TEST_CONFIG, engine: { engine: 'clickhouse', clickhouse: { url: 'http://127.0.0.1:9' } } },
      logger,
      openFanbase,
    );
    try {
      const down = await running.ready.then(
        () => assert.unreachable('ready with no ClickHouse'),
        (error) => error,
      );
      assert.is(down.code, 'ENGINE_UNAVAILABLE');
      assert.match(down.message, /127\.0\.0\.1:9/);
      assert.is((await fetch(`${running.url}/ready`)).status, 503);
    } finally {
      await closeNow(running);
    }
  },
);

Api.run();
