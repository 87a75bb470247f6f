/**
 * The parts of a .docx the reader needs, out of its zip container: the main document, and the
 * numbering and style definitions it refers to. The container is read by fflate (maintained, no
 * dependencies, synchronous, and the same in Node and a Web Worker); where each part lives is read
 * from the package's relationships, as Word does, with the usual names as the fallback.
 */
import { Unzip, UnzipInflate, unzipSync, type Unzipped } from 'fflate';
import { DocxError } from './docx-error';
import { concatBytes } from '../../bytes/concat';
import { childElements, parseXml } from './xml';

export interface DocxParts {
  /** word/document.xml: the body, its paragraphs and tables. */
  document: string;
  /** word/numbering.xml: how numbered paragraphs are numbered; null when nothing is. */
  numbering: string | null;
  /** word/styles.xml: paragraph styles, which may number paragraphs or mark a table of contents. */
  styles: string | null;
}

/**
 * An XML part this large is not a duty list, and is refused before it is inflated: a bundled list of
 * 245 duties is 0.2 MB of document.xml as the docx package writes it, so 10 MB leaves room for the
 * most verbose writer and the longest list. The limit also bounds the read: the XML parser takes
 * about a second and 80 MB of memory per MB of XML (measured in Node on this machine), so a 20 MB
 * Word document of text — or a 5 MB one that expands to 200 MB — gets its answer in seconds instead
 * of exhausting the worker.
 */
export const MAX_PART_BYTES = 10 * 1024 * 1024;

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** The XML and relationship parts of the archive (not its images), or the reason it is no .docx. */
function unzipParts(bytes: Uint8Array): Unzipped {
  // An OLE compound file: a Word 97–2003 .doc, or a password-protected .docx, which Word encrypts into one.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw new DocxError({ kind: 'old-doc-or-protected' });
  if (!startsWith(bytes, [0x50, 0x4b])) throw new DocxError({ kind: 'not-zip' });
  try {
    // The central directory first: it lists every part with its declared size, and refuses a
    // damaged archive before anything is inflated.
    const wanted = new Set<string>();
    unzipSync(bytes, {
      filter: (file) => {
        if (!/\.(?:xml|rels)$/i.test(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) throw tooLarge(file.name, file.originalSize);
        wanted.add(file.name);
        return false;
      },
    });
    return inflateBounded(bytes, wanted);
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError({ kind: 'zip-damaged', detail: (error as Error).message });
  }
}

const tooLarge = (part: string, bytes: number) => new DocxError({ kind: 'part-too-large', part, bytes, limit: MAX_PART_BYTES });

/**
 * Inflates the wanted parts, counting what comes out: a zip bomb that declares a small size (the
 * sizes in a zip are the writer's word, not a fact) is stopped at the limit, after inflating at most
 * that much, instead of filling memory for as long as it runs. fflate's streaming reader, fed in
 * small slices so the count is checked as the output grows.
 */
function inflateBounded(bytes: Uint8Array, wanted: ReadonlySet<string>): Unzipped {
  const files: Unzipped = {};
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (!wanted.has(file.name)) return;
    const chunks: Uint8Array<ArrayBufferLike>[] = [];
    let total = 0;
    file.ondata = (error, chunk, final) => {
      if (error) throw error;
      total += chunk.length;
      if (total > MAX_PART_BYTES) throw tooLarge(file.name, total);
      chunks.push(chunk);
      if (final) files[file.name] = concatBytes(chunks, total);
    };
    file.start();
  };
  // Deflate expands at most about 1,032 times, so a 4 KB slice inflates to at most ~4 MB past the check.
  const SLICE = 4 * 1024;
  for (let at = 0; at < bytes.length; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  return files;
}

/** An XML part's text: UTF-8 as Word writes it, or UTF-16 by its BOM, as XML allows. */
function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Target of the first relationship of `type` in a .rels part, resolved against the folder of the part it belongs to. */
function relationshipTarget(rels: Uint8Array | undefined, relsName: string, type: string, baseFolder: string): string | null {
  if (!rels) return null;
  const root = parseXml(xmlText(rels), relsName);
  for (const relationship of childElements(root)) {
    if (relationship.localName !== 'Relationship') continue;
    const relationshipType = relationship.getAttribute('Type') ?? '';
    // Transitional (…/2006/relationships/officeDocument) and Strict (…/ooxml/officeDocument/relationships/officeDocument) alike.
    if (!relationshipType.endsWith(`/relationships/${type}`)) continue;
    const target = relationship.getAttribute('Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : `${baseFolder}${target}`;
  }
  return null;
}

export function readDocxParts(bytes: Uint8Array): DocxParts {
  const files = unzipParts(bytes);
  const text = (name: string | null) => (name && files[name] ? xmlText(files[name]) : null);
  const main = relationshipTarget(files['_rels/.rels'], '_rels/.rels', 'officeDocument', '') ?? 'word/document.xml';
  const document = text(main);
  if (document === null) throw new DocxError({ kind: 'no-document-part', part: main });
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const relsName = `${folder}_rels/${main.slice(folder.length)}.rels`;
  const part = (type: string, usual: string) =>
    text(relationshipTarget(files[relsName], relsName, type, folder)) ?? text(`${folder}${usual}`);
  return { document, numbering: part('numbering', 'numbering.xml'), styles: part('styles', 'styles.xml') };
}
