import { existsSync, statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATA_CONTRACT } from '../../domain/data-contract.js';
import type { DataIssue, DataReport } from '../../domain/data-report.js';
import type { Settings } from '../../domain/settings.js';
import { readRows } from '../../duckdb/read-rows.js';
import { CHECKED_TABLES, warningsFor } from '../../load/load-dataset.js';
import { locateSource } from '../../load/locate-source.js';
import type { Mapping } from '../../load/mapping.js';

/** One file of the streams export as it is on disk: a part an incremental prepare has seen or not. */
export interface StreamPart {
  file: string;
  bytes: number;
  modified_ms: number;
}

/** What a snapshot on disk says of itself, for deciding whether a prepare can add to it. */
export interface SnapshotState {
  formatVersion: number;
  settings: Settings;
  mapping: string;
  report: DataReport;
  /** The last day of any stream it read; new streams must be later. */
  streamsThrough: string | null;
  parts: StreamPart[];
}

/** How a prepare goes: adding the parts not seen to the snapshot, or from every export, and why. */
export type RefreshPlan =
  | { mode: 'incremental'; previous: SnapshotState; added: StreamPart[] }
  | { mode: 'full'; reason: string | null };

const TABLE_ORDER: readonly string[] = CHECKED_TABLES;

/** A prepare that began as incremental and found it cannot be: it starts again in full, saying why. */
export class FullPrepareNeeded extends Error {}

/** The files of the streams export with their size and time, in name order; empty when there is none. */
export async function listStreamParts(dataDir: string, mapping: Mapping): Promise<StreamPart[]> {
  const table = DATA_CONTRACT.find((t) => t.name === 'streams');
  if (!table) return [];
  const located = locateSource(dataDir, table, mapping.streams);
  if (located === null) return [];
  let files = located.files;
  if (located.pattern !== undefined) {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const rows = await readRows(conn, 'select file from glob($pattern) order by file', {
        pattern: located.pattern,
      });
      files = rows.map((r) => String(r.file));
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  }
  return [...files].sort().map((file) => {
    const stat = statSync(file);
    return { file, bytes: stat.size, modified_ms: stat.mtimeMs };
  });
}

/** The state of the snapshot at `file`; null when there is none, or not one this version can add to. */
export async function readSnapshotState(file: string, formatVersion: number): Promise<SnapshotState | null> {
  if (!existsSync(file)) return null;
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  } catch {
    return null;
  }
  try {
    const conn = await instance.connect();
    try {
      const meta = (await readRows(conn, 'select * from snapshot_meta'))[0];
      if (!meta || meta.format_version !== formatVersion) return null;
      const parts = await readRows(conn, 'select * from snapshot_parts order by file');
      return {
        formatVersion,
        settings: JSON.parse(String(meta.settings)) as Settings,
        mapping: String(meta.mapping),
        report: JSON.parse(String(meta.report)) as DataReport,
        streamsThrough: meta.streams_through === null ? null : String(meta.streams_through),
        parts: parts.map((p) => ({
          file: String(p.file),
          bytes: Number(p.bytes),
          modified_ms: Number(p.modified_ms),
        })),
      };
    } catch {
      return null;
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * Whether a prepare onto `out` (whose state is `previous`, null for none or unreadable) can add the stream
 * parts it has not seen, or must read every export again, and why. It can when the snapshot was prepared
 * by this format with the same settings (but `asOf`, which may move on) and mapping, every part it read is
 * there unchanged (size and modification time), and no stream it left out as after its `as_of` would now
 * count. The rest is checked once the new parts are read (their streams must be later than the snapshot's).
 */
export function planRefresh(
  outExists: boolean,
  previous: SnapshotState | null,
  settings: Settings,
  mapping: string,
  parts: StreamPart[],
): RefreshPlan {
  const full = (reason: string | null): RefreshPlan => ({ mode: 'full', reason });
  if (!outExists) return full(null);
  if (previous === null) return full('the file there is not a snapshot this version can add to');
  const { settings: before } = previous;
  const same = (s: Settings) => JSON.stringify({ fan: s.fan, score: s.score, majority: s.majority });
  if (same(before) !== same(settings)) return full('the snapshot was prepared with other settings');
  if (previous.mapping !== mapping) return full('the snapshot was prepared with another mapping');
  if (settings.asOf < before.asOf) {
    return full(`as_of ${settings.asOf} is before the snapshot's (${before.asOf})`);
  }
  const now = new Map(parts.map((p) => [p.file, p]));
  for (const seen of previous.parts) {
    const current = now.get(seen.file);
    if (!current) return full(`the streams part ${seen.file} the snapshot holds is gone`);
    if (current.bytes !== seen.bytes || current.modified_ms !== seen.modified_ms) {
      return full(`the streams part ${seen.file} changed since the snapshot read it`);
    }
  }
  const afterAsOf = previous.report.issues.find(
    (i) => i.table === 'streams' && i.reason === 'streamed_after_as_of',
  );
  if (afterAsOf && settings.asOf > before.asOf) {
    return full(
      `${afterAsOf.count} stream(s) after the snapshot's as_of (${before.asOf}) count as of ${settings.asOf}`,
    );
  }
  const seen = new Set(previous.parts.map((p) => p.file));
  return { mode: 'incremental', previous, added: parts.filter((p) => !seen.has(p.file)) };
}

/**
 * The data report of an incremental prepare: the users and follows as this load read them (whole exports),
 * the streams as the snapshot's parts and the new ones together (rows and problem rows added up).
 */
export function mergedReport(previous: DataReport, added: DataReport, addedParts: number): DataReport {
  const before = previous.sources.find((s) => s.table === 'streams');
  const now = added.sources.find((s) => s.table === 'streams');
  const sources = added.sources.map((source) =>
    source.table !== 'streams' || !before
      ? source
      : {
          ...before,
          files: [...before.files, ...(addedParts > 0 && now ? now.files : [])],
          rows: before.rows + (addedParts > 0 && now ? now.rows : 0),
        },
  );
  const streamIssues = new Map<string, DataIssue>();
  for (const issue of [...added.issues, ...previous.issues].filter((i) => i.table === 'streams')) {
    const seen = streamIssues.get(issue.reason);
    streamIssues.set(
      issue.reason,
      seen
        ? {
            ...seen,
            count: seen.count + issue.count,
            examples: [...seen.examples, ...issue.examples].slice(0, 3),
          }
        : issue,
    );
  }
  const issues = [...added.issues.filter((i) => i.table !== 'streams'), ...streamIssues.values()].sort(
    (a, b) => TABLE_ORDER.indexOf(a.table) - TABLE_ORDER.indexOf(b.table) || (a.reason < b.reason ? -1 : 1),
  );
  return {
    ...added,
    sources,
    issues,
    warnings: warningsFor(sources),
    totals: {
      ...added.totals,
      streams: previous.totals.streams + (addedParts > 0 ? added.totals.streams : 0),
    },
  };
}
