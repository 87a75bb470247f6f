import type { ContextEvidence } from '../model/duty-context';
import { REVIEW_STRINGS } from '../ui/strings';

/** One thing the documents say about a candidate, for or against it being the same duty. */
export interface EvidenceNote {
  text: string;
  for: boolean;
}

/** The evidence of a candidate in the reviewer's words, what speaks for it first; nothing for what is unknown. */
export function evidenceNotes(e: ContextEvidence): EvidenceNote[] {
  const say = REVIEW_STRINGS.evidence;
  const notes: EvidenceNote[] = [
    { text: say.category(e.category), for: e.category },
    { text: say.list(e.list), for: e.list },
    { text: say.departments[e.departments] ?? '', for: e.departments === 'agree' },
    { text: say.neighbours(e.neighbours), for: true },
    { text: say.penalties(e.penalties === 'both'), for: true },
  ];
  return notes.filter((n) => n.text !== '').sort((a, b) => Number(b.for) - Number(a.for));
}
