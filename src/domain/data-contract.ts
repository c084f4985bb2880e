import type { TableName } from './data-report.js';

/** What a contract column holds, which decides how a source column is converted and checked. */
export type ColumnKind = 'id' | 'count' | 'date' | 'timestamp' | 'country' | 'boolean';

/** One column of the data contract. */
export interface ContractColumn {
  name: string;
  kind: ColumnKind;
  required: boolean;
  /** What the tools lose when an optional column is absent, for the data report. */
  whenAbsent?: string;
}

/** One export of the data contract. */
export interface ContractTable {
  name: TableName;
  required: boolean;
  columns: ContractColumn[];
  whenAbsent?: string;
}

/** The data contract: the exports fanbase reads and their columns (docs/data-contract.md). */
export const DATA_CONTRACT: readonly ContractTable[] = [
  {
    name: 'users',
    required: true,
    columns: [
      { name: 'user_id', kind: 'id', required: true },
      {
        name: 'birth_date',
        kind: 'date',
        required: false,
        whenAbsent:
          'users has no birth_date: no median age, and TopFans shows no one (no one is known to be an adult)',
      },
      {
        name: 'country',
        kind: 'country',
        required: false,
        whenAbsent:
          'users has no country: no top countries, and the strictest age of majority applies to everyone',
      },
      {
        name: 'consent',
        kind: 'boolean',
        required: false,
        whenAbsent: 'users has no consent: no user consented to tracking, so nobody is counted anywhere',
      },
    ],
  },
  {
    name: 'streams',
    required: true,
    columns: [
      { name: 'user_id', kind: 'id', required: true },
      { name: 'artist_id', kind: 'id', required: true },
      { name: 'streamed_at', kind: 'timestamp', required: true },
      {
        name: 'ms_played',
        kind: 'count',
        required: false,
        whenAbsent:
          'streams has no ms_played: every stream qualifies, and the score leaves out listening time',
      },
    ],
  },
  {
    name: 'follows',
    required: false,
    whenAbsent: 'no follows export: fans are listeners only, and the score leaves follows at 0',
    columns: [
      { name: 'user_id', kind: 'id', required: true },
      { name: 'artist_id', kind: 'id', required: true },
      { name: 'followed_at', kind: 'timestamp', required: false },
    ],
  },
];
