/** The three exports fanbase reads. */
export type TableName = 'users' | 'streams' | 'follows';

/** What was read from one export. */
export interface SourceReport {
  table: TableName;
  format: 'parquet' | 'csv' | 'jsonl' | 'none' | 'clickhouse';
  files: string[];
  rows: number;
  /** Optional columns the export does not have, and so what the tools cannot tell. */
  missing_columns: string[];
}

/** Rows with one kind of problem: how many, what was done with them, a few of them. */
export interface DataIssue {
  table: TableName;
  reason: string;
  count: number;
  policy: string;
  examples: string[];
}

/** The data report of a load: what was read, what was wrong with it, what it means for the answers. */
export interface DataReport {
  as_of: string;
  sources: SourceReport[];
  issues: DataIssue[];
  totals: {
    users: number;
    eligible_users: number;
    streams: number;
    follows: number;
    /**
     * Null where not counted: ClickHouse tables the platform filled itself, where counting every fan takes a
     * pass over every artist (fanbase check then says so; a prepare counts them).
     */
    artists_with_fans: number | null;
    fans: number | null;
  };
  /** Consequences of missing columns or tables, in words. */
  warnings: string[];
  /** Seconds spent on each step of the load (reading each export, building each relation, the report). */
  timings: Record<string, number>;
}

/** Whether the streams the report read carry `ms_played` (else every stream qualifies, volume is streams). */
export function streamsHaveMsPlayed(sources: readonly SourceReport[]): boolean {
  return !sources.find((s) => s.table === 'streams')?.missing_columns.includes('ms_played');
}

/** How a `fanbase prepare` of a snapshot went, beside its data report (returned, not stored in it). */
export interface PrepareOutcome {
  mode: 'full' | 'incremental';
  /** Why a prepare onto an existing snapshot read every export again; null when there was none to add to. */
  reason: string | null;
  /** Stream parts read by this prepare, and those the snapshot already held. */
  parts_read: number;
  parts_kept: number;
}
