import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One file of the artist's page, as it is served. */
export interface PageAsset {
  body: Buffer;
  type: string;
  /** Names this file's bytes: a browser asks again with If-None-Match and gets a 304 until they change. */
  etag: string;
}

/**
 * Where `npm run build` puts the page (scripts/build-page.mjs): dist/page, found from this file whether it
 * runs compiled (dist/adapters/http) or from source (src/adapters/http).
 */
export const PAGE_DIR = fileURLToPath(new URL('../../../dist/page/', import.meta.url));

/**
 * What the page may load, and from where: its own script and stylesheet, the API it is served by, nothing
 * else; no inline script or style, no frame around it.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const FILES: [path: string, file: string, type: string][] = [
  ['/', 'index.html', 'text/html; charset=utf-8'],
  ['/page/app.js', 'app.js', 'text/javascript; charset=utf-8'],
  ['/page/app.css', 'app.css', 'text/css; charset=utf-8'],
  ['/page/icon.svg', 'icon.svg', 'image/svg+xml'],
];

/** The page's files by request path, read once; none when the page is not built. */
export function readPageAssets(dir = PAGE_DIR): Map<string, PageAsset> {
  const assets = new Map<string, PageAsset>();
  if (!existsSync(`${dir}/index.html`)) return assets;
  for (const [path, file, type] of FILES) {
    const body = readFileSync(`${dir}/${file}`);
    assets.set(path, {
      body,
      type,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    });
  }
  return assets;
}
