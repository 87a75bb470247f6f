// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { takeEmbedded } from '../../../src/lib/single/embedded-format';
import { tagsAsHtml } from './page-tags';

/** The page reads back from its HTML the files the build's plugin wrote into it, and drops the tags. */
describe('the single page’s embedded tags', () => {
  it('are read back by path, whatever bytes they hold, and removed from the page', () => {
    const files = [
      { path: 'atlas/summary.sqlite.gz', bytes: Uint8Array.from({ length: 300 }, (_, i) => i % 256) },
      { path: 'atlas/text/11.sqlite.gz', bytes: new TextEncoder().encode('</script><!-- 乡镇 -->') },
      { path: 'empty', bytes: new Uint8Array(0) },
    ];
    // eslint-disable-next-line no-restricted-syntax -- a test's page, written as the build writes the single file's HTML (jsdom)
    document.body.innerHTML = `<div id="app"></div><script>var x = 1;</script>${tagsAsHtml(files)}`;
    const read = takeEmbedded(document);
    expect([...read.keys()]).toEqual(files.map((f) => f.path));
    for (const file of files) expect(Buffer.from(read.get(file.path)!, 'base64').equals(Buffer.from(file.bytes))).toBe(true);
    // Only the embedded tags go: the page's own scripts stay.
    expect(document.querySelectorAll('script').length).toBe(1);
    expect(document.getElementById('app')).not.toBeNull();
  });
});
