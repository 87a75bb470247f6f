import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { malformedCases } from '../fixtures/malformed/corpus';

/**
 * The malformed corpus (#11) through the page's own import, as a user meets it: each file chosen in
 * 数据 → 导入清单. Each must be refused in the report — the file named, a Chinese sentence, the line
 * where the file has one, nothing offered to apply — or, for the long cell, read. Then 取消 leaves
 * the shown database as it was. The time from choosing the file to the report on screen is printed
 * (the unit test times the readers alone).
 */
const RAW = resolve(import.meta.dirname, '../../data/raw');
const first = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .sort()[0];
const CASES = malformedCases(readFileSync(join(RAW, first), 'utf8').split(/\r?\n/));

describe('malformed files in the browser import', () => {
  const b = useBrowser();

  it('refuses each with the file, the line and a Chinese sentence, and changes nothing', async () => {
    const page = await b.open('?view=explorer');
    const count = () => page.getByTestId('result-count').textContent();
    await expect.poll(count, { timeout: 15_000 }).toMatch(/\d/);
    const before = await count();
    const timings: string[] = [];
    for (const [what, { file, reads, at }] of Object.entries(CASES)) {
      const { name, bytes } = await file();
      await page.getByTestId('data-toggle').click();
      const started = Date.now();
      await page.getByTestId('import-open').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
      const row = page.getByTestId('import-report').getByTestId('import-row');
      await row.waitFor({ timeout: 30_000 });
      timings.push(`${what}: ${Date.now() - started} ms`);
      await expect(row.locator('.file').textContent(), what).resolves.toBe(name);
      if (reads) {
        await expect(row.getAttribute('data-ok'), what).resolves.toBe('true');
      } else {
        await expect(row.getAttribute('data-ok'), what).resolves.toBe('false');
        const sentence = (await row.getByTestId('import-problems').textContent())!;
        expect(sentence, what).toMatch(/[\u4e00-\u9fff]/);
        expect(sentence, what).not.toMatch(/\b(the|file|line|not|is|undefined|Error)\b/);
        if (at) expect(sentence, what).toMatch(/第 [\d,]+ 行/);
        await expect(page.getByTestId('import-apply').count(), what).resolves.toBe(0);
      }
      await page.getByTestId('import-cancel').click();
      await page.getByTestId('import-report').waitFor({ state: 'detached', timeout: 10_000 });
      await expect(count(), what).resolves.toBe(before);
    }
    console.info(`malformed corpus in the page's import, file chosen to report shown:\n${timings.join('\n')}`);
    expect(timings).toHaveLength(Object.keys(CASES).length);
  }, 300_000);
});
