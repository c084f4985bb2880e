/**
 * One measured job in its own process, so that its time and peak memory are its own:
 *   prepare <data> <out.duckdb> <as_of> [memory limit]   the fanbase snapshot (DuckDB spilling past the limit)
 *   groupby <data>                        the engine's floor: a plain group by (artist, user) of the streams
 *   generate <out> <users> <artists> <streams>   `fanbase generate --seed 1` of that size
 * Prints one JSON line: { seconds, peak_rss_mb, timings, mode } (prepare's steps, from its data report, and
 * whether it was a full or an incremental prepare).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { generateDataset } from '../src/generate/generate-dataset.js';
import { prepareFanbase } from '../src/open-fanbase.js';

const [job, data, out, asOf, memoryLimit] = process.argv.slice(2);
const started = performance.now();
let timings: Record<string, number> | undefined;
let mode: string | undefined;
if (job === 'prepare') {
  const report = await prepareFanbase({
    data,
    out: out as string,
    asOf,
    ...(memoryLimit ? { memoryLimit } : {}),
  });
  timings = report.timings;
  mode = report.prepare?.mode;
} else if (job === 'groupby') {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const conn = await instance.connect();
  await conn.run(
    `create table pairs as select artist_id, user_id, count(*) as streams, sum(ms_played) as ms
     from read_parquet('${data}/streams/*.parquet') group by artist_id, user_id`,
  );
  conn.closeSync();
  instance.closeSync();
} else if (job === 'generate') {
  const [users, artists, streams] = [out, asOf, memoryLimit].map(Number) as [number, number, number];
  await generateDataset({ users, artists, streams, seed: 1, out: data as string });
} else {
  throw new Error(`unknown job ${job}`);
}
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({ seconds, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), timings, mode }),
);
