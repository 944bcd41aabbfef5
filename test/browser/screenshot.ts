/**
 * Saves pictures of the built app: docs/screenshot.png at 1280x720,
 * docs/phone.png on a phone (390x844, the menu of pages open), and
 * (with --all) tablet and model-page views under test-results/ for review.
 * Usage: npm run screenshot [-- --all]
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, buildApp, launchChromium, serveBuilt } from './harness.ts';

const all = process.argv.includes('--all');
const { url, close } = await serveBuilt(await buildApp());
const browser = await launchChromium();
try {
  const shots: {
    file: string;
    width: number;
    height: number;
    hash?: string;
    full?: boolean;
    menu?: boolean;
  }[] = [
    { file: resolve(ROOT, 'docs/screenshot.png'), width: 1280, height: 720 },
    { file: resolve(ROOT, 'docs/phone.png'), width: 390, height: 844, menu: true },
  ];
  if (all) {
    const dir = resolve(ROOT, 'test-results');
    mkdirSync(dir, { recursive: true });
    shots.push(
      { file: `${dir}/desktop-full.png`, width: 1280, height: 720, full: true },
      { file: `${dir}/tablet.png`, width: 820, height: 1180 },
      { file: `${dir}/tablet-full.png`, width: 820, height: 1180, full: true },
      { file: `${dir}/model.png`, width: 1280, height: 720, hash: '#model' },
    );
  }
  for (const s of shots) {
    const page = await browser.newPage({ viewport: { width: s.width, height: s.height } });
    page.on('console', (m) => m.type() === 'error' && console.error('page:', m.text()));
    await page.goto(url + (s.hash ?? ''));
    await page.waitForFunction(
      () =>
        performance.getEntriesByType('measure').filter((m) => m.name.startsWith('update:'))
          .length >= 2,
    );
    if (s.hash) await page.waitForSelector('.model-doc h2, .model-doc p');
    if (s.full) {
      // The results column scrolls on its own; show it whole.
      await page.addStyleTag({
        content: '.layout{height:auto!important} main,.controls{overflow:visible!important}',
      });
    }
    if (s.menu) await page.click('button.menu-toggle');
    await page.waitForTimeout(300);
    await page.screenshot({ path: s.file, fullPage: s.full ?? false });
    console.log(`saved ${s.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await close();
}
