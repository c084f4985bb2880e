#!/usr/bin/env node
// Builds the artist's page (src/adapters/page) into dist/page: its TypeScript bundled and minified into one
// module by esbuild, beside its HTML and CSS. Everything the page loads is in dist/page and served by the
// API itself: no CDN, no request to any other host.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = `${root}src/adapters/page`;
const out = `${root}dist/page`;
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [`${source}/main.ts`],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outfile: `${out}/app.js`,
  logLevel: 'warning',
});
copyFileSync(`${source}/index.html`, `${out}/index.html`);
copyFileSync(`${source}/app.css`, `${out}/app.css`);
copyFileSync(`${source}/icon.svg`, `${out}/icon.svg`);
