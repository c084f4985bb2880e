/**
 * The main job on the bundled demo data: an artist's Fanbase summary and top fans, and the data report.
 * `npm run demo -- --artist 123 --top 3 --as-of 2026-07-01 --data fixtures/demo`
 */
import { parseArgs } from 'node:util';
import { isFanbaseError, openFanbase } from '../src/index.js';

const { values } = parseArgs({
  options: {
    artist: { type: 'string', default: '123' },
    top: { type: 'string', default: '3' },
    'as-of': { type: 'string' },
    data: { type: 'string' },
  },
});

try {
  const fb = await openFanbase({ data: values.data, asOf: values['as-of'] });
  const artist = Number(values.artist);
  const summary = await fb.summary(artist);
  const top = await fb.topFans(artist, Number(values.top));
  const { totals, issues, warnings } = fb.report;
  await fb.close();
  console.log(`fanbase summary for artist ${artist} (as of ${fb.settings.asOf}):`);
  console.log(JSON.stringify(summary));
  console.log('top fans:');
  for (const fan of top) console.log(JSON.stringify({ ...fan, score: Number(fan.score.toFixed(2)) }));
  console.log(`data report: ${JSON.stringify(totals)}`);
  for (const issue of issues)
    console.log(`  ${issue.table} ${issue.reason}: ${issue.count} (${issue.policy})`);
  for (const warning of warnings) console.log(`  warning: ${warning}`);
} catch (error) {
  console.error(isFanbaseError(error) ? `fanbase: ${error.message}` : error);
  process.exitCode = 1;
}
