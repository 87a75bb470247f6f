/**
 * The XML of a Word document's parts, parsed by @xmldom/xmldom (a maintained DOM parser that runs in
 * Node and in a Web Worker alike, where the browser's own DOMParser does not exist), and the few
 * helpers the reader needs to walk WordprocessingML by namespace and local name.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { DocxError } from './docx-error';

/** WordprocessingML as Word writes it (transitional), and as "Strict Open XML" documents do. */
const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** The root element of one part; malformed XML is refused, never half read. */
export function parseXml(xml: string, part: string): Element {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new DocxError({ kind: 'malformed-xml', part, detail: message.split('\n')[0] });
    },
  });
  let root: Element | null;
  try {
    root = parser.parseFromString(xml, 'application/xml').documentElement;
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError({ kind: 'malformed-xml', part, detail: (error as Error).message.split('\n')[0] });
  }
  // xmldom reports a missing root element itself; this guard is for the type.
  if (!root) throw new DocxError({ kind: 'malformed-xml', part, detail: 'no root element' });
  return root;
}

const ELEMENT_NODE = 1;

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** Whether a node is the WordprocessingML element `localName` (w:p, w:tbl…). */
export function isWord(node: Node, localName: string): node is Element {
  return isElement(node) && node.localName === localName && WORD_NAMESPACES.has(node.namespaceURI ?? '');
}

/** The element children of `element`, in document order; only the WordprocessingML `localName` ones when given. */
export function childElements(element: Element, localName?: string): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (localName === undefined ? isElement(node) : isWord(node, localName)) found.push(node as Element);
  }
  return found;
}

/** The first WordprocessingML child `localName`, or null. */
export function wordChild(element: Element | null, localName: string): Element | null {
  if (!element) return null;
  for (let node = element.firstChild; node; node = node.nextSibling) if (isWord(node, localName)) return node;
  return null;
}

/** A w:-prefixed attribute (w:val, w:ilvl…), or null when absent. */
export function wordAttribute(element: Element | null, name: string): string | null {
  if (!element) return null;
  for (const namespace of WORD_NAMESPACES) if (element.hasAttributeNS(namespace, name)) return element.getAttributeNS(namespace, name);
  return null;
}

/** The w:val of the child `localName` (`<w:pStyle w:val="TOC1"/>`), or null. */
export function childValue(element: Element | null, localName: string): string | null {
  return wordAttribute(wordChild(element, localName), 'val');
}

/**
 * Whether an on/off property is on: `<w:vanish/>` is, `<w:vanish w:val="false"/>` (or "0", "off")
 * is not.
 */
export function isOn(property: Element | null): boolean {
  if (!property) return false;
  const value = wordAttribute(property, 'val');
  return value === null || !['false', '0', 'off'].includes(value);
}
