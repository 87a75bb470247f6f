/**
 * npm run eval:matching [-- NAME…] [--all-outcomes]
 *
 * Builds the duty groups of the bundled lists with each held-out list (tests/fixtures/heldout/, or
 * only those named: tuning lists first, then blind ones) and prints, per list, precision and recall
 * against its answer key, every wrong link, every missed link, and any bundled groups the held-out
 * list joined together; then one summary line per list.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heldOutSets, scoreHeldOutSet, type LinkOutcome, type MatchingScore } from './lib/matching-eval';

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

function describe(o: LinkOutcome): string {
  const expected = o.expected.length ? o.expected.map((e) => `${e.name} (${e.ref})`).join(' or ') : 'none: a new duty';
  const linked = o.linkedTo.length ? o.linkedTo.slice(0, 2).join(' / ') + (o.linkedTo.length > 2 ? ' / …' : '') : 'nothing';
  const review = o.review.candidates.length ? `\n${''.padEnd(16)}review:   ${o.review.candidates.join(' / ')}` : '';
  return `  ${o.item.padEnd(13)} ${o.name}\n${''.padEnd(16)}expected: ${expected}\n${''.padEnd(16)}linked:   ${linked}${review}`;
}

export function formatScore(score: MatchingScore, allOutcomes = false): string {
  const { set, links, linked, right } = score;
  const lines = [
    `${set.name} (${set.role}, reworded from ${set.key.reworded_from}): ${score.outcomes.length} items, ${links} links in the key`,
    `  precision ${percent(score.precision)} (${right} of ${linked} linked are right)   recall ${percent(score.recall)} (${right} of ${links})`,
  ];
  const wrong = score.outcomes.filter((o) => o.verdict === 'wrong');
  const missed = score.outcomes.filter((o) => o.verdict === 'missed');
  const wrongAndMissed = wrong.filter((o) => o.expected.length).length;
  lines.push(`wrong links (${wrong.length}):`, ...wrong.map(describe));
  const answered = missed.filter((o) => o.review.holdsAnswer).length;
  lines.push(
    `missed links (${missed.length} not linked, ${answered} of them with the right group among their review candidates; and ${wrongAndMissed} of the wrong links above):`,
    ...missed.map(describe),
  );
  const queued = score.outcomes.filter((o) => o.review.candidates.length > 0);
  lines.push(
    `review queue: ${queued.length} of this list's items, ${queued.filter((o) => o.verdict === 'missed').length} of them missed links, ${queued.filter((o) => o.verdict === 'new').length} new duties`,
  );
  if (score.bundledJoined.length)
    lines.push(
      `bundled groups joined through this list (${score.bundledJoined.length}):`,
      ...score.bundledJoined.map((g) => `  ${g.join(' + ')}`),
    );
  if (allOutcomes) lines.push('all outcomes:', ...score.outcomes.map((o) => `${o.verdict.padEnd(7)}${describe(o)}`));
  return lines.join('\n');
}

function main() {
  const args = process.argv.slice(2);
  const allOutcomes = args.includes('--all-outcomes');
  const names = args.filter((a) => !a.startsWith('--'));
  const sets = heldOutSets().filter((s) => names.length === 0 || names.includes(s.name));
  if (sets.length === 0) throw new Error(`no held-out set named ${names.join(', ')}`);
  const scores = sets.map((set) => scoreHeldOutSet(set));
  for (const score of scores) console.log(formatScore(score, allOutcomes) + '\n');
  console.log(formatSummary(scores));
}

/** One line per list, tuning lists first: the figures the issue asks for side by side. */
export function formatSummary(scores: readonly MatchingScore[]): string {
  const width = Math.max(...scores.map((s) => s.set.name.length));
  return [
    'summary (precision = right / linked, recall = right / links in the key):',
    ...scores.map(
      (s) =>
        `  ${s.set.name.padEnd(width)}  ${s.set.role.padEnd(6)}  precision ${percent(s.precision).padStart(6)}  recall ${percent(s.recall).padStart(6)}  ` +
        `wrong links ${s.outcomes.filter((o) => o.verdict === 'wrong').length}`,
    ),
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
