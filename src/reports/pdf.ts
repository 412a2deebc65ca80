// HTML → PDF through Debian's Chromium (playwright-core; no browser is downloaded). Every page
// carries the marking and the copy's identifier, in the header and the footer.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.DRAWDOWN_CHROMIUM || '/usr/bin/chromium';

export async function htmlToPdf(html: string, o: { marking: string; copyId: string }): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const band = (where: string) => `<div style="font: 8pt sans-serif; width: 100%; text-align: center; color: #b3261e;">${o.marking} — copy ${o.copyId}${where === 'footer' ? ' — page <span class="pageNumber"></span> of <span class="totalPages"></span>' : ''}</div>`;
    return await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: band('header'), footerTemplate: band('footer'), margin: { top: '18mm', bottom: '18mm', left: '14mm', right: '14mm' } });
  } finally {
    await browser.close();
  }
}
