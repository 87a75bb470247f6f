/**
 * The numbers Word draws before numbered paragraphs ("1.", "（2）", "①", "一、"). They are not in the
 * paragraph's text: Word computes them from word/numbering.xml as it lays the document out, and writes
 * them as text when it saves a list as .txt. The reader writes them the same way, so a numbered step
 * reads as it does in the text export, and an auto-numbered 序号 column gives each row its number.
 *
 * What is followed (ECMA-376 §17.9): a paragraph's w:numPr, or its style's (through w:basedOn); each
 * level's w:start, w:numFmt, w:lvlText and w:suff; one count per abstract list, which every w:num of
 * it continues, except that a w:num with a w:startOverride restarts the count where it is first used
 * (Word writes one per restarted list, e.g. per table cell; LibreOffice writes the first paragraph of
 * a list with one and the rest with a plain w:num); a level numbered resets the levels below it.
 * Bullets give no number: the paragraph is its own step either way.
 */
import type { Element } from '@xmldom/xmldom';
import type { ParagraphStyles } from './styles';
import { childElements, childValue, wordAttribute, wordChild } from './xml';

interface Level {
  start: number;
  format: string;
  /** "%1." — %n is level n's number. */
  text: string;
  /** What follows the number: a tab or a space (written as a space: a tab would end a table cell), or nothing. */
  suffix: string;
}

interface NumberingInstance {
  abstractId: string;
  /** Levels this instance restarts, with the number each restarts at. */
  restarts: Map<number, number>;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const CHINESE_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';

/** 1–99 in Chinese counting: 一, 十, 十一, 二十三. */
function chineseCounting(n: number, digits: string, ten: string): string {
  if (n <= 0 || n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens > 1 ? digits[tens] : '') + (tens > 0 ? ten : '') + (ones > 0 || tens === 0 ? digits[ones] : '');
}

function roman(n: number): string {
  const numerals: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, numeral] of numerals) for (; n >= value; n -= value) out += numeral;
  return out;
}

const letters = (n: number) => String.fromCharCode(0x61 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** A number in one of the w:numFmt formats lists use; any other reads as decimal. */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n, CHINESE_DIGITS, '十');
    case 'chineseLegalSimplified':
      return chineseCounting(n, CHINESE_LEGAL, '拾');
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => CHINESE_DIGITS[Number(d)]);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1] : String(n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

/** The level a w:lvl or w:lvlOverride defines (its w:ilvl attribute; a paragraph's is `<w:ilvl w:val>`). */
const level = (element: Element | null) => Number(wordAttribute(element, 'ilvl') ?? 0);

export class ListNumbering {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, NumberingInstance>();
  /** The current number at each level, per abstract list. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** The w:num instances whose restart has been applied. */
  private readonly restarted = new Set<string>();

  constructor(
    numbering: Element | null,
    private readonly styles: ParagraphStyles,
  ) {
    if (numbering) {
      for (const abstract of childElements(numbering, 'abstractNum')) {
        const levels = new Map<number, Level>();
        for (const lvl of childElements(abstract, 'lvl')) {
          const suffix = childValue(lvl, 'suff') ?? 'tab';
          levels.set(level(lvl), {
            start: Number(childValue(lvl, 'start') ?? 0),
            format: childValue(lvl, 'numFmt') ?? 'decimal',
            text: childValue(lvl, 'lvlText') ?? '',
            suffix: suffix === 'nothing' ? '' : ' ',
          });
        }
        this.levels.set(wordAttribute(abstract, 'abstractNumId') ?? '', levels);
      }
      for (const num of childElements(numbering, 'num')) {
        const restarts = new Map<number, number>();
        for (const override of childElements(num, 'lvlOverride')) {
          const start = childValue(override, 'startOverride');
          if (start !== null) restarts.set(level(override), Number(start));
        }
        this.instances.set(wordAttribute(num, 'numId') ?? '', { abstractId: childValue(num, 'abstractNumId') ?? '', restarts });
      }
    }
  }

  /**
   * The number before a paragraph with these properties (w:pPr), with what follows it — "1. " — or
   * '' when it has none. Counts: call it once per paragraph, in document order.
   */
  numberOf(paragraphProperties: Element | null): string {
    const numPr = wordChild(paragraphProperties, 'numPr');
    const style = this.styles.numbering(childValue(paragraphProperties, 'pStyle'));
    const numId = childValue(numPr, 'numId') ?? style?.numId ?? null;
    // numId 0 takes away the numbering a style would give.
    if (numId === null || numId === '0') return '';
    const instance = this.instances.get(numId);
    const levels = instance && this.levels.get(instance.abstractId);
    if (!instance || !levels) return '';
    const ilvl = Number(childValue(numPr, 'ilvl') ?? style?.ilvl ?? 0);
    const definition = levels.get(ilvl);
    if (!definition) return '';

    const counters = this.countersOf(numId, instance, levels);
    counters[ilvl] = (counters[ilvl] ?? definition.start - 1) + 1;
    for (let deeper = ilvl + 1; deeper < counters.length; deeper++) counters[deeper] = undefined;
    if (definition.format === 'bullet' || definition.format === 'none') return '';
    const text = definition.text.replace(/%([1-9])/g, (_, n: string) => {
      const at = Number(n) - 1;
      const of = levels.get(at);
      return formatNumber(counters[at] ?? of?.start ?? 1, of?.format ?? 'decimal');
    });
    return text ? text + definition.suffix : '';
  }

  /** The counters a paragraph numbers on: its abstract list's, restarted where its instance says so and is first used. */
  private countersOf(numId: string, instance: NumberingInstance, levels: Map<number, Level>): (number | undefined)[] {
    let counters = this.counters.get(instance.abstractId);
    if (!counters) {
      counters = new Array<number | undefined>(9).fill(undefined);
      this.counters.set(instance.abstractId, counters);
    }
    if (!this.restarted.has(numId)) {
      this.restarted.add(numId);
      for (const [at, start] of instance.restarts) {
        if (!levels.has(at)) continue;
        counters[at] = start - 1;
        for (let deeper = at + 1; deeper < counters.length; deeper++) counters[deeper] = undefined;
      }
    }
    return counters;
  }
}
