// A developer's look at a page (not a test): node tests/shot.mjs <path> <out.png> [width] [share|print]
import { openPage, startBrowser } from './browser-support.mjs';

const [path, out, width = '1280', action = ''] = process.argv.slice(2);
const browser = await startBrowser();
try {
  const page = await openPage(browser, path, { width: Number(width), height: 900 });
  await page.waitForTimeout(800);
  if (action === 'share') {
    await page.locator('cost-estimator [data-share="open"]').first().click();
    await page.waitForTimeout(300);
  }
  if (action === 'print') await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: out, fullPage: action === 'print' });
  if (page.problems.length) console.log(page.problems.join('\n'));
} finally {
  await browser.close();
}
