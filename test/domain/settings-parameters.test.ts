import { readdirSync, readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveSettings } from '../../src/domain/settings.js';
import { settingsParameters } from '../../src/domain/settings-parameters.js';

const SQL = new URL('../../sql/', import.meta.url).pathname;
const Parameters = suite('settingsParameters');

Parameters('every setting under the name both dialects use, and nothing else', () => {
  const settings = resolveSettings({
    asOf: '2026-06-15',
    fan: { minMsPlayed: 1000, windowDays: 10 },
    score: { weights: { share: 0.4 } },
  });
  const params = settingsParameters(settings, false);
  assert.is(params.as_of, '2026-06-15');
  assert.is(params.window_start, '2026-06-06');
  assert.is(params.min_ms_played, 1000);
  assert.is(params.has_ms_played, false);
  assert.is(params.w_share, 0.4);
  // each name is read by some statement of each dialect (ClickHouse reads min_ms_played once, when its schema
  // records it: its tables count it on insert)
  const read = (dirs: string[], pattern: (name: string) => RegExp) => {
    const text = dirs
      .flatMap((dir) =>
        readdirSync(dir)
          .filter((f) => f.endsWith('.sql'))
          .map((f) => readFileSync(`${dir}${f}`, 'utf8')),
      )
      .join('\n');
    return Object.keys(params).filter((name) => !pattern(name).test(text));
  };
  // DuckDB: the load's relations and the questions
  assert.equal(
    read([`${SQL}load/`, `${SQL}duckdb/`], (n) => new RegExp(`\\$${n}\\b`)),
    [],
  );
  assert.equal(
    read([`${SQL}clickhouse/`], (n) => new RegExp(`\\{${n}:`)),
    [],
  );
});

Parameters.run();
