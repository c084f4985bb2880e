import { DuckDBInstance } from '@duckdb/node-api';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { trackQueryProgress, withQueryProgress } from '../../src/duckdb/query-progress.js';

const Progress = suite('query progress');

Progress(
  "reports DuckDB's estimate while a table scan runs, within 0..100, and stops when it ends",
  async () => {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const conn = await instance.connect();
    try {
      await conn.run('create table t as select range as i from range(30000000)');
      await trackQueryProgress(conn);
      const seen: number[] = [];
      const result = await withQueryProgress(
        conn,
        () => conn.runAndReadAll('select sum(hash(i) % 7)::bigint as s from t'),
        (percent) => seen.push(percent),
      );
      assert.is(result.getRowObjects().length, 1);
      assert.ok(seen.length > 0, 'the scan of 30 million rows is long enough to be seen');
      for (const p of seen) assert.ok(p >= 0 && p <= 100, String(p));
      const after = seen.length;
      await new Promise((resolve) => setTimeout(resolve, 450));
      assert.is(seen.length, after, 'no report once the statement ended');
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  },
);

Progress.run();
