/**
 * Japanese everywhere (issue 11, item 12): money in 億円 on the cost-ups
 * chart's axis, its tooltip and its CSV as in the table; and Japanese text
 * drawn with real glyphs on a machine without a Japanese font (Chromium run
 * with a font configuration of DejaVu only), by the web font the app loads
 * on demand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from './harness.ts';
import { chromiumForFile } from './fixtures.ts';
import { waitForUpdate } from './page.ts';

const url = inject('appUrl');
const browser = chromiumForFile();

function burdenChart(page: Page) {
  return page.$eval('figure[data-chart="burden"] canvas', (c) => {
    const chart = (
      c as unknown as {
        chart: {
          data: { datasets: { data: number[] }[] };
          options: { scales: { y: { title: { text: string } } } };
        };
      }
    ).chart;
    return { title: chart.options.scales.y.title.text, data: chart.data.datasets[0].data };
  });
}

describe('Japanese everywhere', () => {
  it('money is in 億円 on the cost-ups chart (axis, values, CSV) as in the table', async () => {
    const context = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const read = async (lang: 'en' | 'ja') => {
      await page.goto(`${url}?v=3&lang=${lang}`);
      await waitForUpdate(page, 'A', 0);
      await waitForUpdate(page, 'B', 0);
      return burdenChart(page);
    };
    const en = await read('en');
    const ja = await read('ja');
    expect(en.title).toMatch(/^¥bn/);
    expect(ja.title).toMatch(/^億円/);
    expect(ja.title).not.toMatch(/十億/);
    ja.data.forEach((v, i) => expect(v).toBeCloseTo(en.data[i] * 10, 6));
    await page.click('figure[data-chart="burden"] details.menu summary');
    const pending = page.waitForEvent('download');
    await page.click('figure[data-chart="burden"] button[data-export="csv"]');
    const csv = await (
      await pending
    )
      .path()
      .then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')));
    expect(csv.split('\n')[0]).toMatch(/億円/);
    expect(csv).not.toMatch(/十億円/);
    await context.close();
  });

  it('without a Japanese font on the machine, the web font draws Japanese (screen and canvas), not boxes', async () => {
    const dir = join(tmpdir(), 'no-japanese-fonts');
    mkdirSync(join(dir, 'cache'), { recursive: true });
    const conf = join(dir, 'fonts.conf');
    writeFileSync(
      conf,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
    );
    const bare = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--headless', '--disable-gpu'],
      env: { ...process.env, FONTCONFIG_FILE: conf },
    });
    try {
      const page = await bare.newPage({ viewport: { width: 1280, height: 800 } });
      const glyphs = (family: string) =>
        page.evaluate((family) => {
          const c = new OffscreenCanvas(120, 40);
          const ctx = c.getContext('2d')!;
          ctx.font = `24px ${family}`;
          ctx.fillText('賃金の推移', 4, 30);
          const d = ctx.getImageData(0, 0, 120, 40).data;
          let h = 2166136261;
          for (let i = 3; i < d.length; i += 4) h = Math.imul(h ^ d[i], 16777619);
          return (h >>> 0).toString(36);
        }, family);
      await page.goto(`${url}?v=3&lang=en`);
      await waitForUpdate(page, 'A', 0);
      // In English nothing of the Japanese font is fetched; the machine has no Japanese glyphs.
      expect(
        await page.evaluate(
          () => [...document.fonts].filter((f) => f.family.includes('Noto Sans JP')).length,
        ),
      ).toBe(0);
      const tofu = await glyphs('"DejaVu Sans"');
      await page.goto(`${url}?v=3&lang=ja`);
      await waitForUpdate(page, 'A', 0);
      await expect
        .poll(
          () =>
            page.evaluate(() =>
              [...document.fonts].some(
                (f) => f.family.includes('Noto Sans JP') && f.status === 'loaded',
              ),
            ),
          { timeout: 15_000 },
        )
        .toBe(true);
      // The export's font stack draws real glyphs now: different from the boxes.
      const drawn = await glyphs(
        'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif',
      );
      expect(drawn).not.toBe(tofu);
    } finally {
      await bare.close();
    }
  });
});
