/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The artist's page in a real browser: Debian's chromium, driven by playwright-core (installed by
 * scripts/ensure-chromium.mjs, which `npm test` runs first), against the real server over the demo data.
 * What a user does: open a deep link, change the window, go back, page the top fans, ask why a fan
 * scores what it scores, download the CSV, sign in and be refused another artist; and an accessibility
 * check (axe-core) with no serious or critical violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_AUTH } from '../../src/adapters/http/auth-config.js';
import { STANDARD_WINDOWS } from '../../src/domain/time-window.js';
import { CHROMIUM } from '../support/chromium.js';
import { run } from '../support/cli.js';
import { artistBearer, readyServer, TEST_JWT_SECRET } from '../support/http.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const DEMO = { data: join(ROOT, 'fixtures/demo'), asOf: '2026-07-01' };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const full = (n: number) => n.toLocaleString('en-US');

let browser: Browser;
const ArtistPage = suite('the artist page, in chromium');
ArtistPage.before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
ArtistPage.after(async () => {
  await browser?.close();
});

/** A new tab (its own session storage), with every request it makes and every console error recorded. */
async function tab(options: { bypassCSP?: boolean } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, requests, errors, close: () => context.close() };
}

const settled = (page: Page) =>
  page.waitForFunction(() => ['ready', 'problem'].includes(document.body.dataset.state ?? ''));
const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();
const headline = async (page: Page) => page.$$eval('#headline dd', (dds) => dds.map((d) => d.textContent));

ArtistPage(
  'a deep link opens its view; another window changes it, back returns; nothing leaves the origin',
  async () => {
    const server = await readyServer(DEMO);
    const t = await tab();
    try {
      const ask = async (window: string) => {
        const response = await fetch(`${server.url}/fanbase`, {
          method: 'POST',
          body: JSON.stringify({ artist_id: 123, window }),
        });
        return response.json();
      };
      const [all, days28, days7] = [await ask('all'), await ask('28d'), await ask('7d')];
      await t.page.goto(`${server.url}/?artist=123&window=28d`);
      await settled(t.page);
      assert.is(await text(t.page, '#title'), 'Artist 123');
      assert.ok(await t.page.isChecked('input[name=window][value="28d"]'));
      // the five fields of POST /fanbase, numbers in full (3,292, not 3.3k)
      assert.equal(await headline(t.page), [
        full(days28.total_fans),
        full(days28.fans_median_age),
        days28.fans_top_countries.join(', '),
      ]);
      // each chart's numbers as a table: the age groups sum to the total
      const ages = await t.page.$$eval('#age-groups tbody td', (tds) =>
        tds.map((td) => Number(td.textContent?.replaceAll(',', ''))),
      );
      assert.is(ages.length, 8);
      assert.is(
        ages.reduce((a, b) => a + b, 0),
        days28.total_fans,
      );

      await t.page.check('input[name=window][value="7d"]');
      await t.page.waitForURL(/window=7d/);
      await settled(t.page);
      assert.equal((await headline(t.page))[0], full(days7.total_fans));
      await t.page.goBack();
      await t.page.waitForURL(/window=28d/);
      await t.page.waitForFunction(
        (total) => document.querySelector('#headline dd')?.textContent === total,
        full(days28.total_fans),
      );
      assert.ok(await t.page.isChecked('input[name=window][value="28d"]'));

      // another artist from the picker; the spec's artist when the URL names none
      await t.page.goto(`${server.url}/`);
      await settled(t.page);
      assert.equal((await headline(t.page))[0], full(all.total_fans));
      assert.is(all.total_fans, 3292, 'the README says 3,292 fans of artist 123 on the demo data');

      assert.equal(t.errors, [], 'no console error (a Content-Security-Policy violation would be one)');
      assert.ok(
        t.requests.every((url) => url.startsWith(server.url)),
        t.requests.join('\n'),
      );
    } finally {
      await t.close();
      await server.close();
    }
  },
);

ArtistPage('the top fans page on, explain a score, and download exactly the topfans CSV', async () => {
  const server = await readyServer(DEMO);
  const t = await tab();
  try {
    await t.page.goto(`${server.url}/?artist=123&window=12m`);
    await settled(t.page);
    const ranks = () =>
      t.page.$$eval('#fans tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
    assert.equal((await ranks()).slice(0, 2), ['1', '2']);
    assert.ok(await t.page.isDisabled('#previous'));

    await t.page.click('#next');
    await t.page.waitForURL(/offset=25/);
    await settled(t.page);
    const api = await (
      await fetch(`${server.url}/artists/123/top-fans?limit=25&offset=25&window=12m`)
    ).json();
    const users = await t.page.$$eval('#fans tbody tr td:nth-child(2)', (tds) =>
      tds.map((td) => td.textContent),
    );
    assert.equal(
      users,
      api.items.map((f: { user_id: number }) => String(f.user_id)),
    );
    assert.equal((await ranks())[0], '26');

    // the score's components, on demand
    await t.page.click('#fans tbody tr:first-child button');
    await t.page.waitForSelector('#fans tr.components dd');
    const components = await t.page.$$eval('#fans tr.components dt', (dts) => dts.map((d) => d.textContent));
    assert.equal(components, [
      'listening time',
      'streams',
      'regularity',
      'recency',
      'share of listening',
      'follow',
    ]);

    // the first page's CSV is the command's, byte for byte
    await t.page.click('#previous');
    await t.page.waitForURL((url) => !url.search.includes('offset'));
    await settled(t.page);
    const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.click('#download')]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    const command = run('topfans', [
      '--artist_id',
      '123',
      '--nb_fans',
      '25',
      '--window',
      '12m',
      '--data',
      DEMO.data,
      '--as-of',
      DEMO.asOf,
    ]);
    assert.is(command.code, 0, command.stderr);
    assert.is(csv, command.stdout);
    assert.is(download.suggestedFilename(), 'topfans-123-12m-1.csv');
  } finally {
    await t.close();
    await server.close();
  }
});

ArtistPage(
  'with authentication on: a plain sentence asks for a token, which grants 123 and not 124',
  async () => {
    const server = await readyServer({ ...DEMO, auth: { ...NO_AUTH, jwtSecret: TEST_JWT_SECRET } });
    const t = await tab();
    try {
      await t.page.goto(`${server.url}/?artist=123&window=all`);
      await settled(t.page);
      assert.match(await text(t.page, '#status'), /asks for credentials/);
      assert.ok(await t.page.isHidden('#audience'));

      const token = (await artistBearer([123])).Authorization.replace('Bearer ', '');
      await t.page.click('#credentials summary');
      await t.page.fill('#secret', token);
      await t.page.click('#sign-in button[type=submit]');
      await t.page.waitForFunction(() => document.body.dataset.state === 'ready');
      assert.equal((await headline(t.page))[0], '3,292');
      assert.not.match(t.page.url(), /ey[A-Za-z0-9_-]{10,}/, 'the token is not in the URL');

      await t.page.fill('#artist', '124');
      await t.page.click('#pick button[type=submit]');
      await t.page.waitForURL(/artist=124/);
      await t.page.waitForFunction(() => document.body.dataset.state === 'problem');
      assert.match(await text(t.page, '#status'), /do not let you see artist 124/);
      assert.ok(await t.page.isHidden('#audience'));
      // kept for the tab's session only
      const kept = await t.page.evaluate(() => [sessionStorage.length, localStorage.length]);
      assert.equal(kept, [1, 0]);
    } finally {
      await t.close();
      await server.close();
    }
  },
);

ArtistPage(
  'under a privacy floor the page says so, and a withheld figure reads withheld, never 0',
  async () => {
    const server = await readyServer({ ...DEMO, minFansForDemographics: 150 });
    const t = await tab();
    try {
      await t.page.goto(`${server.url}/?artist=123&window=all`);
      await settled(t.page);
      assert.match(await text(t.page, '#privacy'), /rests on at least 150 fans/);
      const audience = await (await fetch(`${server.url}/artists/123/audience`)).json();
      // the age groups the API withholds are those the page's table says are withheld
      const withheld = audience.age_groups.filter((g: { fans: number | null }) => g.fans === null).length;
      assert.ok(withheld > 0, 'the floor withholds some age group of artist 123');
      const cells = await t.page.$$eval('#age-groups tbody td', (tds) => tds.map((td) => td.textContent));
      assert.is(cells.filter((c) => c === 'withheld').length, withheld);
      assert.not.ok(cells.includes('0'));
      assert.match(
        await text(t.page, '#age-groups .withheld-note'),
        new RegExp(
          `${full(audience.privacy.age_groups_withheld_fans)} fans in age groups under 150 people are withheld`,
        ),
      );
    } finally {
      await t.close();
      await server.close();
    }
  },
);

ArtistPage('axe-core finds no serious or critical accessibility violation', async () => {
  const server = await readyServer(DEMO);
  // axe is injected as a script, which the page's policy forbids: this tab lets it in
  const t = await tab({ bypassCSP: true });
  try {
    await t.page.goto(`${server.url}/?artist=123&window=28d`);
    await settled(t.page);
    await t.page.click('#fans tbody tr:first-child button');
    await t.page.waitForSelector('#fans tr.components dd');
    await t.page.addScriptTag({ content: AXE });
    const violations = await t.page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is a global of the injected script
      const result = await (window as any).axe.run(document);
      return result.violations.map((v: { id: string; impact: string; nodes: unknown[] }) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.length,
      }));
    });
    const grave = violations.filter(
      (v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical',
    );
    assert.equal(grave, [], JSON.stringify(violations));
  } finally {
    await t.close();
    await server.close();
  }
});

ArtistPage("the page's windows are the API's standard windows", async () => {
  const server = await readyServer(DEMO);
  const t = await tab();
  try {
    await t.page.goto(`${server.url}/`);
    const offered = await t.page.$$eval('input[name=window]', (inputs) =>
      inputs.map((i) => (i as HTMLInputElement).value),
    );
    assert.equal([...offered].sort(), [...STANDARD_WINDOWS].sort());
  } finally {
    await t.close();
    await server.close();
  }
});

ArtistPage.run();
