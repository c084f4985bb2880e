import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PAGE_CSP, readPageAssets } from '../../../src/adapters/http/page-assets.js';
import { readyServer } from '../../support/http.js';

const Assets = suite('the artist page as the API serves it');

Assets('each file by its path, typed and tagged by its bytes; none when the page is not built', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanbase-page-'));
  assert.equal(readPageAssets(dir).size, 0, 'nothing built');
  for (const [file, text] of [
    ['index.html', '<!doctype html>'],
    ['app.js', 'export {}'],
    ['app.css', 'body{}'],
    ['icon.svg', '<svg/>'],
  ])
    writeFileSync(join(dir, file as string), text as string);
  const assets = readPageAssets(dir);
  assert.equal([...assets.keys()], ['/', '/page/app.js', '/page/app.css', '/page/icon.svg']);
  assert.is(assets.get('/')?.type, 'text/html; charset=utf-8');
  assert.is(String(assets.get('/page/app.js')?.body), 'export {}');
  assert.is.not(assets.get('/')?.etag, assets.get('/page/app.js')?.etag);
});

Assets(
  'GET / answers the page with its policy, a 304 for its tag; a file not built is a 404 saying so',
  async () => {
    const server = await readyServer();
    try {
      const page = await fetch(`${server.url}/`);
      assert.is(page.status, 200);
      assert.is(page.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.is(page.headers.get('content-security-policy'), PAGE_CSP);
      assert.match(PAGE_CSP, /script-src 'self';/);
      assert.not.match(PAGE_CSP, /unsafe-inline/);
      assert.is(page.headers.get('cache-control'), 'no-cache');
      const html = await page.text();
      assert.match(html, /<script type="module" src="\/page\/app.js"><\/script>/);
      assert.not.match(html, /<script>/, 'no inline script');
      const again = await fetch(`${server.url}/`, {
        headers: { 'If-None-Match': page.headers.get('etag') as string },
      });
      assert.is(again.status, 304);
      const script = await fetch(`${server.url}/page/app.js`);
      assert.is(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.ok((await script.text()).length > 1000);
      const missing = await fetch(`${server.url}/page/nothing.js`);
      assert.is(missing.status, 404);
    } finally {
      await server.close();
    }
    const unbuilt = await readyServer({}, new Map());
    try {
      const answer = await fetch(`${unbuilt.url}/`);
      assert.is(answer.status, 404);
      assert.match((await answer.json()).detail, /the artist page is not built: run npm run build/);
    } finally {
      await unbuilt.close();
    }
  },
);

Assets('the page and its assets weigh at most 150 KB gzipped in all', async () => {
  const { gzipSync } = await import('node:zlib');
  const total = [...readPageAssets().values()].reduce((sum, a) => sum + gzipSync(a.body).length, 0);
  assert.ok(total > 0, 'the page is built (npm run build)');
  assert.ok(total <= 150 * 1024, `${total} bytes gzipped`);
});

Assets.run();
