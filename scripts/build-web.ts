// Builds the browser app into web/dist: one bundle of web/src, the stylesheet and the page.
import { buildWeb } from '../src/server/build-web.ts';

const out = await buildWeb();
process.stderr.write(`web app built in ${out}\n`);
