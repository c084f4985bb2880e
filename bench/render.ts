/** Rewrites bench/RESULTS.md and bench/latency.svg from bench/results.json (`npm run bench:render`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderResults } from './report.js';

const dir = new URL('.', import.meta.url).pathname;
const { markdown, svg } = renderResults(JSON.parse(readFileSync(`${dir}results.json`, 'utf8')));
writeFileSync(`${dir}RESULTS.md`, markdown);
writeFileSync(`${dir}latency.svg`, svg);
