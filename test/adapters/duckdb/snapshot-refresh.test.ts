/**
 * The incremental prepare: a snapshot prepared part by part (and with the users export changed between
 * prepares) answers what a full prepare of the same exports answers, on every fixture and on the demo data
 * split into parts by month with as_of moving on; and each case that cannot be incremental (a part
 * changed, a stream older than the snapshot's, a consent given with earlier streams, other settings) is a
 * full prepare that says why.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DuckDbFanRepository } from '../../../src/adapters/duckdb/duckdb-fan-repository.js';
import { planRefresh, type SnapshotState } from '../../../src/adapters/duckdb/snapshot-refresh.js';
import type { DataReport } from '../../../src/domain/data-report.js';
import { resolveSettings, type Settings, type SettingsOptions } from '../../../src/domain/settings.js';
import { resolveWindow, type TimeWindow } from '../../../src/domain/time-window.js';
import { FIXTURES } from '../../support/duckdb.js';

const Refresh = suite('incremental prepare');

/** Everything two snapshots answer, to hold one to the other. */
async function answersOf(file: string, windows: TimeWindow[]) {
  const { repository } = await DuckDbFanRepository.openSnapshot(file);
  try {
    const profiles = await repository.artistProfiles();
    const fans: unknown[] = [];
    for (const { artist_id } of profiles) fans.push(await repository.fans(artist_id));
    // the trends the snapshot keeps (artist_trends), over all and each window
    const trends: unknown[] = [];
    for (const { artist_id } of profiles.slice(0, 20)) trends.push(await repository.artistTrend(artist_id));
    const windowed: unknown[] = [];
    for (const window of windows) {
      windowed.push(await repository.artistProfiles(window));
      for (const { artist_id } of profiles.slice(0, 20)) {
        windowed.push(await repository.fans(artist_id, window));
        trends.push(await repository.artistTrend(artist_id, window));
      }
    }
    const { totals, issues } = repository.report;
    return {
      profiles,
      fans,
      trends,
      windowed,
      top: await repository.everyTopFans(100),
      totals,
      issues: issues.map(({ table, reason, count }) => ({ table, reason, count })),
    };
  } finally {
    await repository.close();
  }
}

async function sameAnswers(incremental: string, full: string, settings: Settings, label: string) {
  const windows = ['28d', '7d'].map((w) => resolveWindow(w, settings) as TimeWindow);
  const [a, b] = [await answersOf(incremental, windows), await answersOf(full, windows)];
  assert.ok(b.profiles.length > 0, `${label}: the full prepare finds fans`);
  for (const key of Object.keys(b) as (keyof typeof b)[]) assert.equal(a[key], b[key], `${label}: ${key}`);
}

function prepare(data: string, out: string, options: SettingsOptions) {
  return DuckDbFanRepository.prepare(data, {}, resolveSettings(options), out);
}

/** A CSV export's lines split at `cutoff` (a day): earlier days (and rows without a date) first. */
function splitCsv(text: string, column: string, cutoff: string): [string, string] {
  const [header = '', ...lines] = text.trimEnd().split('\n');
  const index = header.split(',').indexOf(column);
  const day = (line: string) => /^\d{4}-\d{2}-\d{2}/.exec(line.split(',')[index] ?? '')?.[0] ?? '';
  const early = lines.filter((l) => day(l) < cutoff);
  const late = lines.filter((l) => day(l) >= cutoff);
  return [`${header}\n${early.join('\n')}\n`, `${header}\n${late.join('\n')}\n`];
}

const FIXTURE_CASES: { dir: string; options: SettingsOptions }[] = [
  { dir: 'edge-cases/csv', options: { asOf: '2026-06-15' } },
  { dir: 'row-issues/csv', options: { asOf: '2026-06-15' } },
  { dir: 'rules/csv', options: { asOf: '2026-02-28' } },
  { dir: 'sparse/csv', options: { asOf: '2026-06-15' } },
  { dir: 'zero-ms/csv', options: { asOf: '2026-06-15', fan: { minMsPlayed: 0 } } },
  { dir: 'k-anonymity/csv', options: { asOf: '2026-06-15' } },
];

Refresh(
  'every fixture, its streams in two parts by day: prepared part by part, answers as prepared whole',
  async () => {
    for (const { dir, options } of FIXTURE_CASES) {
      const work = mkdtempSync(join(tmpdir(), 'fanbase-refresh-'));
      try {
        const source = join(FIXTURES, dir);
        const data = join(work, 'data');
        mkdirSync(join(data, 'streams'), { recursive: true });
        for (const table of ['users', 'follows']) {
          try {
            copyFileSync(join(source, `${table}.csv`), join(data, `${table}.csv`));
          } catch {
            // no follows export in this fixture
          }
        }
        const streams = readFileSync(join(source, 'streams.csv'), 'utf8');
        const days = [...new Set([...streams.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => m[0]))].sort();
        const cutoff = days[Math.floor(days.length / 2)] as string;
        const [early, late] = splitCsv(streams, 'streamed_at', cutoff);
        writeFileSync(join(data, 'streams', '1.csv'), early);
        const snapshot = join(work, 'incremental.duckdb');
        assert.is((await prepare(data, snapshot, options)).prepare.mode, 'full', dir);
        writeFileSync(join(data, 'streams', '2.csv'), late);
        const second = await prepare(data, snapshot, options);
        assert.equal(
          second.prepare,
          { mode: 'incremental', reason: null, parts_read: 1, parts_kept: 1 },
          dir,
        );
        const full = join(work, 'full.duckdb');
        await prepare(data, full, options);
        await sameAnswers(snapshot, full, resolveSettings(options), dir);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
  },
);

/** The demo data as a folder with its streams in one part per month, and its users as CSV to edit. */
async function demoByMonth(work: string): Promise<{ data: string; parts: string[] }> {
  const data = join(work, 'data');
  mkdirSync(join(data, 'streams'), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const parts: string[] = [];
  try {
    const demo = join(FIXTURES, 'demo');
    await conn.run(`copy (select * from '${demo}/users.parquet') to '${join(data, 'users.csv')}' (header)`);
    copyFileSync(join(demo, 'follows.parquet'), join(data, 'follows.parquet'));
    for (let month = 1; month <= 6; month++) {
      const part = join(work, `2026-0${month}.parquet`);
      await conn.run(
        `copy (select * from '${demo}/streams.parquet' where month(streamed_at) = ${month} order by streamed_at) to '${part}'`,
      );
      parts.push(part);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return { data, parts };
}

const MONTH_ENDS = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30'];

/**
 * Adds the demo's months to `data` one by one, each prepared onto `snapshot` as of the month's end (`edit`
 * runs before the month's prepare): the first a full prepare, every other an incremental one.
 */
async function prepareMonthByMonth(
  data: string,
  parts: string[],
  snapshot: string,
  options: (asOf: string) => SettingsOptions,
  edit: (month: number) => void = () => {},
) {
  for (const [i, part] of parts.entries()) {
    copyFileSync(part, join(data, 'streams', `${i + 1}.parquet`));
    edit(i + 1);
    const report = await prepare(data, snapshot, options(MONTH_ENDS[i] as string));
    assert.is(
      report.prepare.mode,
      i === 0 ? 'full' : 'incremental',
      `month ${i + 1}: ${report.prepare.reason}`,
    );
  }
}

Refresh(
  'the demo by month, as_of moving on, a consent withdrawn and a birth date corrected on the way',
  async () => {
    const work = mkdtempSync(join(tmpdir(), 'fanbase-refresh-demo-'));
    try {
      const { data, parts } = await demoByMonth(work);
      const snapshot = join(work, 'incremental.duckdb');
      const users = join(data, 'users.csv');
      await prepareMonthByMonth(
        data,
        parts,
        snapshot,
        (asOf) => ({ asOf }),
        (month) => {
          if (month !== 5) return;
          // before May's prepare: user 888 (artist 123's top fan) withdraws consent, user 4586's birth date
          // is corrected to make a minor of them
          const lines = readFileSync(users, 'utf8').split('\n');
          const edited = lines.map((line) => {
            const [id] = line.split(',');
            if (id === '888') return line.replace(/,true$/, ',false');
            if (id === '4586') return line.replace(/,\d{4}-\d{2}-\d{2},/, ',2012-01-01,');
            return line;
          });
          assert.not.equal(edited, lines, 'the users export changed');
          writeFileSync(users, edited.join('\n'));
        },
      );
      const full = join(work, 'full.duckdb');
      await prepare(data, full, { asOf: '2026-06-30' });
      await sameAnswers(snapshot, full, resolveSettings({ asOf: '2026-06-30' }), 'demo by month');
      const { repository } = await DuckDbFanRepository.openSnapshot(snapshot);
      const fans = await repository.fans(123);
      await repository.close();
      assert.not.ok(
        fans.some((f) => f.user_id === 888),
        'a withdrawn consent is gone from every answer',
      );
      assert.is(fans.find((f) => f.user_id === 4586)?.is_adult, false, 'a corrected birth date holds');
      // nor does any row of theirs stay on disk: the days, the sums, the users, the fans of every window
      const instance = await DuckDBInstance.create(snapshot, { access_mode: 'READ_ONLY' });
      const conn = await instance.connect();
      const tables = (
        await conn.runAndReadAll(
          "select table_name from information_schema.columns where column_name = 'user_id' order by 1",
        )
      ).getRowObjectsJS();
      const left: Record<string, unknown> = {};
      for (const { table_name } of tables) {
        const rows = await conn.runAndReadAll(
          `select count(*)::integer as n from ${table_name} where user_id = 888`,
        );
        left[String(table_name)] = rows.getRowObjectsJS()[0]?.n;
      }
      conn.closeSync();
      instance.closeSync();
      assert.ok(Object.keys(left).includes('fan_listening') && Object.keys(left).includes('user_volume'));
      assert.ok(
        Object.values(left).every((n) => n === 0),
        JSON.stringify(left),
      );
      // a prepare with nothing new: the users export read again, the answers unchanged
      const again = await prepare(data, snapshot, { asOf: '2026-06-30' });
      assert.equal(again.prepare, { mode: 'incremental', reason: null, parts_read: 0, parts_kept: 6 });
      await sameAnswers(snapshot, full, resolveSettings({ asOf: '2026-06-30' }), 'nothing new');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);

Refresh(
  'the demo by month with a load window of 45 days moving on with as_of: the days it leaves leave the sums',
  async () => {
    const work = mkdtempSync(join(tmpdir(), 'fanbase-refresh-window-'));
    try {
      const { data, parts } = await demoByMonth(work);
      const snapshot = join(work, 'incremental.duckdb');
      const options = (asOf: string): SettingsOptions => ({ asOf, fan: { windowDays: 45 } });
      await prepareMonthByMonth(data, parts, snapshot, options);
      const full = join(work, 'full.duckdb');
      await prepare(data, full, options('2026-06-30'));
      await sameAnswers(snapshot, full, resolveSettings(options('2026-06-30')), 'a moving load window');
      // the window of 45 days ending on 30 June starts on 17 May: no day before it is kept
      const instance = await DuckDBInstance.create(snapshot, { access_mode: 'READ_ONLY' });
      const conn = await instance.connect();
      const first = (
        await conn.runAndReadAll('select min(day)::varchar as day from streams_daily')
      ).getRowObjectsJS();
      conn.closeSync();
      instance.closeSync();
      assert.ok(String(first[0]?.day) >= '2026-05-17', String(first[0]?.day));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);

Refresh(
  'what cannot be added is a full prepare that says why, with the answers of a full prepare',
  async () => {
    const work = mkdtempSync(join(tmpdir(), 'fanbase-refresh-full-'));
    try {
      const { data, parts } = await demoByMonth(work);
      const snapshot = join(work, 'snapshot.duckdb');
      const asOf = { asOf: '2026-06-30' };
      copyFileSync(parts[0] as string, join(data, 'streams', '1.parquet'));
      copyFileSync(parts[2] as string, join(data, 'streams', '3.parquet'));
      await prepare(data, snapshot, asOf);
      // February arrives after March: older than what the snapshot holds
      copyFileSync(parts[1] as string, join(data, 'streams', '2.parquet'));
      const older = await prepare(data, snapshot, asOf);
      assert.is(older.prepare.mode, 'full');
      assert.match(
        older.prepare.reason ?? '',
        /streams of 2026-02-01, not after 2026-03-31, the last day the snapshot holds/,
      );
      // a part rewritten in place
      const part = join(data, 'streams', '1.parquet');
      utimesSync(part, new Date(), new Date(Date.now() + 5_000));
      const changed = await prepare(data, snapshot, asOf);
      assert.match(
        changed.prepare.reason ?? '',
        /the streams part .*1\.parquet changed since the snapshot read it/,
      );
      // a part removed
      rmSync(join(data, 'streams', '3.parquet'));
      const gone = await prepare(data, snapshot, asOf);
      assert.match(gone.prepare.reason ?? '', /3\.parquet the snapshot holds is gone/);
      // other settings
      const other = await prepare(data, snapshot, { ...asOf, score: { halfLifeDays: 7 } });
      assert.is(other.prepare.reason, 'the snapshot was prepared with other settings');
      // a user who did not consent, and now does, with streams in the parts already read
      const users = join(data, 'users.csv');
      const text = readFileSync(users, 'utf8');
      // a user who refused, with streams in January (a part the snapshot read)
      const instance = await DuckDBInstance.create(':memory:');
      const conn = await instance.connect();
      const sql = `select min(u.user_id)::integer as id from '${users}' u
        join '${parts[0]}' s using (user_id) where u.consent = false`;
      const id = (await conn.runAndReadAll(sql)).getRowObjectsJS()[0]?.id;
      conn.closeSync();
      instance.closeSync();
      const refusing = text.split('\n').find((l) => l.startsWith(`${id},`)) as string;
      assert.match(refusing, /,false$/);
      await prepare(data, snapshot, asOf);
      writeFileSync(users, text.replace(refusing, refusing.replace(/,false$/, ',true')));
      copyFileSync(parts[3] as string, join(data, 'streams', '4.parquet'));
      const consent = await prepare(data, snapshot, asOf);
      assert.is(consent.prepare.mode, 'full');
      assert.match(
        consent.prepare.reason ?? '',
        /1 user\(s\) consent now who did not .* with \d+ stream\(s\) in the parts it read/,
      );
      const full = join(work, 'full.duckdb');
      await prepare(data, full, asOf);
      await sameAnswers(snapshot, full, resolveSettings(asOf), 'after full prepares');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);

Refresh(
  'planRefresh: a first prepare, an unreadable file, an earlier as_of, streams left out after as_of',
  () => {
    const settings = resolveSettings({ asOf: '2026-06-30' });
    const parts = [{ file: '/x/1.parquet', bytes: 10, modified_ms: 1 }];
    const report = { issues: [], sources: [], totals: {} } as unknown as DataReport;
    const state: SnapshotState = {
      formatVersion: 2,
      settings,
      mapping: '{}',
      report,
      streamsThrough: '2026-06-30',
      parts,
    };
    assert.equal(planRefresh(false, null, settings, '{}', parts), { mode: 'full', reason: null });
    assert.match(
      String((planRefresh(true, null, settings, '{}', parts) as { reason: string }).reason),
      /not a snapshot this version can add to/,
    );
    const earlier = planRefresh(true, state, resolveSettings({ asOf: '2026-06-29' }), '{}', parts);
    assert.match(
      String((earlier as { reason: string }).reason),
      /as_of 2026-06-29 is before the snapshot's \(2026-06-30\)/,
    );
    assert.match(
      String((planRefresh(true, state, settings, '{"users":{}}', parts) as { reason: string }).reason),
      /another mapping/,
    );
    const leftOut = {
      ...state,
      report: {
        ...report,
        issues: [{ table: 'streams', reason: 'streamed_after_as_of', count: 2, policy: '', examples: [] }],
      },
    } as SnapshotState;
    const later = planRefresh(true, leftOut, resolveSettings({ asOf: '2026-07-01' }), '{}', parts);
    assert.match(
      String((later as { reason: string }).reason),
      /2 stream\(s\) after the snapshot's as_of \(2026-06-30\) count as of 2026-07-01/,
    );
    assert.equal(planRefresh(true, leftOut, settings, '{}', parts), {
      mode: 'incremental',
      previous: leftOut,
      added: [],
    });
  },
);

Refresh.run();
