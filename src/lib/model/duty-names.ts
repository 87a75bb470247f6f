/**
 * The normal form of a duty's name, for matching only (it is never shown to readers), and the
 * numbers a name cites. The steps are described in duty-groups.ts, METHOD 1. Pure TypeScript.
 */

const LOCALITY = /(本|全|各)(乡镇|乡|镇)((、|和|及)?村)?|本?行政区域内|辖区内|辖区/g;
const LEADING = /^(负责|做好|开展|对|违反规定)/;
const PENALTY_ENDING = /(的)?(违法)?(行为)?(进行)?(的)?处罚$/;
const BRACKETED = /[(<〈【[][^()<>〈〉【】[\]]*[)>〉】\]]/g;
const STRAY_BRACKET = /[()<>〈〉【】[\]]/g;
const PUNCT = /[\p{P}\p{S}]/gu;

/** The normal form used for exact matching (exported for tests and the build report). */
export function normaliseDutyName(name: string): string {
  let s = name.normalize('NFKC').replace(/\s+/g, '');
  s = s.replace(/(?<![A-Za-z])and(?![A-Za-z])/g, '和');
  s = s.replace(/乡\(镇\)/g, '乡镇').replace(/镇\(乡\)/g, '乡镇');
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(BRACKETED, '');
  }
  s = s.replace(STRAY_BRACKET, '');
  s = s.replace(LOCALITY, '');
  // Leading words: strip repeatedly, with the punctuation that may follow them.
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s
      .replace(/^[\p{P}\p{S}]+/u, '')
      .replace(LEADING, '')
      .replace(/^乡镇(、|和|及)?村/, '');
  }
  s = s.replace(PENALTY_ENDING, '处罚');
  // `工作` closing a clause: `…管理工作，…` ≡ `…管理，…`; `卫片图斑治理相关工作` ≡ `卫片图斑治理`.
  s = s.replace(/(相关|等)?工作(?=[,，、;；。]|$)/g, '');
  s = s.replace(/审批/g, '审核').replace(/或者/g, '或');
  s = s.replace(/的/g, '').replace(PUNCT, '');
  return s;
}

const NUMBER = /[0-9]+|[零〇一二三四五六七八九十百千万两]+(?=[条款项类级周岁年月日个次号])/g;

/** Numbers a form names, sorted. */
function numbersOf(form: string): string {
  return (form.match(NUMBER) ?? []).sort().join(',');
}

/** Whether two forms name the same numbers: `第六十三条` and `第六十四条` are never one duty. */
export function namesSameNumbers(a: string, b: string): boolean {
  return numbersOf(a) === numbersOf(b);
}

/**
 * Whether two forms cite no different numbers: both cite none, only one cites any (`五个认同`,
 * `一个物业管理区域` spelled out where the other leaves it), or both cite the same.
 */
export function namesNoOtherNumbers(a: string, b: string): boolean {
  const x = numbersOf(a);
  const y = numbersOf(b);
  return x === '' || y === '' || x === y;
}
