import { extname } from 'node:path';
import type { SourceFormat } from './mapping.js';

const EXTENSIONS: Record<string, SourceFormat> = {
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
};

/** The format a file name says, looking through a compression suffix (`.csv.gz`). */
export function formatOf(file: string): SourceFormat | undefined {
  const name = file.replace(/\.(gz|zst)$/i, '');
  return EXTENSIONS[extname(name).toLowerCase()];
}
