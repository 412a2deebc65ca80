// Bundles the browser app (web/src/main.ts) with esbuild into web/dist, with its page and
// stylesheet. Run by `npm start` and by the browser tests; the output is not committed.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));
export const WEB_DIST = `${WEB_ROOT}dist`;

export async function buildWeb(): Promise<string> {
  mkdirSync(WEB_DIST, { recursive: true });
  await build({
    entryPoints: [`${WEB_ROOT}src/main.ts`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: `${WEB_DIST}/app.js`,
    minify: false,
    sourcemap: false,
    logLevel: 'warning',
  });
  copyFileSync(`${WEB_ROOT}index.html`, `${WEB_DIST}/index.html`);
  copyFileSync(`${WEB_ROOT}app.css`, `${WEB_DIST}/app.css`);
  return WEB_DIST;
}
