/** The complaint's deadlines, each with where it stands: met, running (days left), overdue — in words, not only colour. */
import { daysBetween } from '@helhed/core';
import type { Complaint } from '../../clients/complaints';
import { deadlineInWords } from '../../clients/work-queue';
import { todayInDenmark } from '../../format';
import { DateText } from '../DateText';
import { Section } from '../Section';

export function ComplaintDeadlines({ c }: { c: Complaint }) {
  const today = todayInDenmark();
  const reassessedOn = c.reassessment?.decidedOn ?? null;
  return (
    <Section title="Frister">
      <ul className="deadline-list">
        <li>
          <strong>Borgerens klagefrist:</strong> <DateText date={c.complaintDeadline} /> (regnet fra den dag, borgeren fik afgørelsen).{' '}
          {c.late ? (
            <strong className="badge badge-danger">Klagen kom {c.daysLate === 1 ? '1 dag' : `${c.daysLate} dage`} for sent</strong>
          ) : (
            <span className="step-done">Klagen kom inden fristen.</span>
          )}
        </li>
        <li>
          <strong>Genvurdering senest:</strong> <DateText date={c.reassessmentDeadline} /> (regnet fra den dag, kommunen modtog klagen).{' '}
          <Progress deadline={c.reassessmentDeadline} doneOn={reassessedOn} today={today} open={c.status === 'received'} doneText="Genvurderet" />
        </li>
        {c.reassessment?.outcome === 'uphold' && (
          <li>
            <strong>Sendt til Ankestyrelsen:</strong> {c.forwardedOn ? <DateText date={c.forwardedOn} /> : 'ikke endnu'} (senest samme frist som genvurderingen).{' '}
            {c.forwardedOn && <Progress deadline={c.reassessmentDeadline} doneOn={c.forwardedOn} today={today} open={false} doneText="Sendt" />}
          </li>
        )}
        {c.appealResult && (
          <li>
            <strong>Ankestyrelsens afgørelse:</strong> {c.appealResult.resultLabel}, modtaget <DateText date={c.appealResult.receivedOn} />.
          </li>
        )}
      </ul>
    </Section>
  );
}

function Progress({ deadline, doneOn, today, open, doneText }: { deadline: string; doneOn: string | null; today: string; open: boolean; doneText: string }) {
  if (doneOn) {
    const inTime = doneOn <= deadline;
    return (
      <span className={inTime ? 'step-done' : 'due-overdue'}>
        {doneText} <DateText date={doneOn} /> – {inTime ? 'inden fristen' : 'efter fristen'}.
      </span>
    );
  }
  if (!open) return null;
  const left = daysBetween(today, deadline);
  return left < 0 ? (
    <strong className="badge badge-danger">Overskredet: {deadlineInWords(left)}</strong>
  ) : (
    <span className={left <= 7 ? 'badge badge-warn' : 'badge'}>Frist {deadlineInWords(left)}</span>
  );
}
