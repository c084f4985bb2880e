/**
 * Carries the peers' and ClickHouse's figures of an earlier run into bench/results.json, for a run made with
 * `--peers none --clickhouse none`, then renders bench/RESULTS.md saying so in those sections:
 *   tsx bench/carry.ts <earlier results.json> "<which run, e.g. the run of 2026-11-28, fanbase 0.3.0>"
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Results, renderResults } from './report.js';

const [earlierFile, carried] = process.argv.slice(2);
if (!earlierFile || !carried)
  throw new Error('usage: tsx bench/carry.ts <earlier results.json> "<which run>"');
const dir = new URL('.', import.meta.url).pathname;
const now = JSON.parse(readFileSync(`${dir}results.json`, 'utf8')) as Results;
const earlier = JSON.parse(readFileSync(earlierFile, 'utf8')) as Results;
const merged: Results = {
  ...now,
  peers: now.peers ?? earlier.peers ?? null,
  results: now.results.map((r) => ({
    ...r,
    clickhouse: r.clickhouse ?? earlier.results.find((e) => e.millions === r.millions)?.clickhouse,
  })),
  carried,
};
writeFileSync(`${dir}results.json`, `${JSON.stringify(merged, null, 2)}\n`);
const { markdown, svg } = renderResults(merged);
writeFileSync(`${dir}RESULTS.md`, markdown);
writeFileSync(`${dir}latency.svg`, svg);
console.log(`bench: carried the peers and ClickHouse of ${carried} into bench/results.json and RESULTS.md`);
