import type { HtmlTagDescriptor } from 'vite';
import { embedFiles, type EmbeddedFile } from '../../../scripts/lib/single-file';
import { EMBEDDED_ATTRIBUTE } from '../../../src/lib/single/embedded-format';

/** The tags the build's plugin puts into the page for `files`: each file's path and base64. */
export function pageTags(files: EmbeddedFile[]): { path: string; base64: string; descriptor: HtmlTagDescriptor }[] {
  const hook = embedFiles(files).transformIndexHtml as unknown as () => HtmlTagDescriptor[];
  return hook().map((descriptor) => ({
    path: String(descriptor.attrs?.[EMBEDDED_ATTRIBUTE]),
    base64: String(descriptor.children),
    descriptor,
  }));
}

/** The tags as the HTML Vite writes for them. */
export function tagsAsHtml(files: EmbeddedFile[]): string {
  return pageTags(files)
    .map(({ descriptor: t }) => {
      const attrs = Object.entries(t.attrs ?? {})
        .map(([k, v]) => ` ${k}="${String(v)}"`)
        .join('');
      return `<${t.tag}${attrs}>${String(t.children)}</${t.tag}>`;
    })
    .join('\n');
}
