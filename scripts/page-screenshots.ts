/**
 * The artist page on the demo data, as the README and docs/page.md show it: starts the API on
 * fixtures/demo (as of 2026-07-01), opens artist 123 in chromium (scripts/ensure-chromium.ts), measures the
 * first full render in the browser (from navigation to the last figure drawn, top fans included, five
 * times in new tabs; the median and the worst), and writes docs/images/page-*.png.
 * `npm run page:screenshots`
 */
import { join } from 'node:path';
import { pino } from 'pino';
import { chromium } from 'playwright-core';
import { NO_AUTH } from '../src/adapters/http/auth-config.js';
import { startServer } from '../src/adapters/http/server.js';
import { openFanbase } from '../src/open-fanbase.js';
import { CHROMIUM } from '../test/support/chromium.js';
import { TEST_CONFIG } from '../test/support/http.js';

const ROOT = new URL('..', import.meta.url).pathname;
const server = await startServer(
  { ...TEST_CONFIG, data: join(ROOT, 'fixtures/demo'), asOf: '2026-07-01', auth: NO_AUTH },
  pino({ level: 'silent' }),
  openFanbase,
);
await server.ready;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  const renders: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/?artist=123&window=12m`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    // from the start of the navigation to the end of the first full render, in the page's own clock
    renders.push(await page.evaluate(() => performance.now()));
    if (i === 0) {
      await page.screenshot({ path: join(ROOT, 'docs/images/page-artist-123.png') });
      await page.click('#fans tbody tr:first-child button');
      await page.waitForSelector('#fans tr.components dd');
      await page.evaluate(() => window.scrollTo(0, 0)); // the box in the page's coordinates
      const box = await page.locator('#top-fans').boundingBox();
      if (box) {
        const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 520) };
        await page.screenshot({ path: join(ROOT, 'docs/images/page-top-fans.png'), fullPage: true, clip });
      }
    }
    await context.close();
  }
  const sorted = [...renders].sort((a, b) => a - b);
  console.log(
    `first full render of artist 123 (demo data, 12m): median ${Math.round(sorted[2] as number)} ms, worst ${Math.round(sorted[4] as number)} ms over 5 new tabs`,
  );
} finally {
  await browser.close();
  await server.close();
}
