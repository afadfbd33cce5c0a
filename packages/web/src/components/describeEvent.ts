/** A short Danish line with the details of a case event, from its data. */
import { CONSENT_SCOPE_LABELS, PHASE_LABELS } from '../labels';
import { formatDate } from '../format';
import type { CaseEvent } from '../types';

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const label = (labels: Record<string, string>, v: unknown): string | null => {
  const key = text(v);
  return key ? (labels[key] ?? key) : null;
};
const join = (...parts: (string | null)[]): string | null => parts.filter((p) => p !== null).join(' – ') || null;

export function describeEvent(event: CaseEvent): string | null {
  const d = event.data;
  switch (event.type) {
    case 'consent_given':
    case 'consent_withdrawn':
      return join(label(CONSENT_SCOPE_LABELS, d.scope), text(d.counterpart));
    case 'phase_changed': {
      const from = label(PHASE_LABELS, d.from);
      const to = label(PHASE_LABELS, d.to);
      return from && to ? `Fra »${from}« til »${to}«` : to;
    }
    case 'coordination_assigned':
      return text(d.reason) ? `Begrundelse: ${text(d.reason)}` : null;
    case 'contact_added':
      return join(text(d.name), text(d.role));
    case 'contact_ended':
      return join(text(d.name), text(d.endedOn) ? `afsluttet ${formatDate(text(d.endedOn)!)}` : null);
    case 'intervention_added':
      return join(text(d.title), text(d.legalBasis));
    case 'task_created':
      return text(d.dueOn) ? `Frist: ${formatDate(text(d.dueOn)!)}` : null;
    case 'task_completed':
      return text(d.note);
    case 'health_document_received':
      return text(d.source) ? `Fra ${text(d.source)}` : null;
    default:
      return null;
  }
}
