import type { AuditFindingRow } from '../queries/audit';
import { AUDIT_STRINGS as S } from '../ui/strings';

/** What a finding says beyond its file, line and item, in words (the view's 说明 column, the export's). */
export function describeFinding(f: AuditFindingRow): string {
  switch (f.kind) {
    case 'seq-gap':
      return S.gap(f.number ?? 0, f.seq);
    case 'seq-duplicate':
      return S.duplicate(f.partnerLine ?? 0);
    case 'kind-guessed':
      return S.guessed(f.subject ?? '', f.detail ?? '', f.number ?? 0);
    case 'weak-match':
      return S.weak(f.score, S.passes[f.pass ?? ''] ?? f.pass ?? '', f.number ?? 0);
    default:
      return S.kindNotes[f.kind];
  }
}
