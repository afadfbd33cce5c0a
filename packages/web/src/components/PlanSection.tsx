/**
 * The one plan on the case page: the overall goal in the citizen's words,
 * sub-goals by priority with their interventions, and each goal's progression
 * over time with its follow-ups. Editing the plan has its own page.
 */
import { useState } from 'react';
import { Link } from '../router';
import type { CaseSectionProps } from './case-section';
import { DateText, InstantText } from './DateText';
import { GoalFollowUps } from './GoalFollowUps';
import { Section } from './Section';
import { Notice } from './Status';

export const planPageHref = (caseId: string) => `/sager/${encodeURIComponent(caseId)}/plan`;

export function PlanSection({ id, kase, overview, refresh }: CaseSectionProps) {
  const p = overview.plan;
  const [notice, setNotice] = useState<string | null>(null);
  const recorded = (message: string) => {
    setNotice(message);
    refresh();
  };
  return (
    <Section id={id} title="Plan">
      <Notice message={notice} />
      {!p ? (
        <>
          <p>Der er ikke lavet en plan i sagen endnu.</p>
          {!kase.holisticConsent && <p className="alert alert-warn">Borgeren skal give samtykke til den helhedsorienterede indsats, før der kan lægges en plan.</p>}
          <Link className="button" href={planPageHref(kase.id)}>
            Lav planen
          </Link>
        </>
      ) : (
        <>
          <p className="item-meta">
            <span>Version {p.version}</span>
            <span>
              Ændret <InstantText at={p.changedAt} /> af {p.changedBy}
            </span>
            <span>Årsag: {p.reason}</span>
          </p>
          <p>
            <Link className="button button-secondary" href={planPageHref(kase.id)}>
              Ret planen og se versionerne
            </Link>
          </p>
          <h3>Overordnet mål</h3>
          <blockquote className="citizen-words">»{p.overallGoal.citizenWords}«</blockquote>
          {p.overallGoal.caseworkerText && <p>{p.overallGoal.caseworkerText}</p>}
          <GoalFollowUps caseId={kase.id} goalId={p.overallGoal.id} goalTitle="Overordnet mål" progress={p.overallGoal.progress} onRecorded={recorded} />
          <h3>Delmål</h3>
          {p.subGoals.length === 0 && <p className="empty">Planen har ingen delmål endnu.</p>}
          <ol className="item-list">
            {[...p.subGoals]
              .sort((a, b) => a.priority - b.priority)
              .map((g) => (
                <li key={g.id} className="item">
                  <p className="item-title title-row">
                    <span>
                      {g.priority}. {g.title}
                    </span>
                    <span className="badge">{g.domainLabel}</span>
                    {g.progress.followUpDue && <span className="badge badge-warn">Opfølgning forfalden</span>}
                  </p>
                  {g.citizenWords && <p>Med borgerens ord: »{g.citizenWords}«</p>}
                  <p className="item-meta">
                    <span>{g.goalTypeLabel}</span>
                    {g.targetDate && (
                      <span>
                        Mål nås: <DateText date={g.targetDate} />
                      </span>
                    )}
                    <span>{g.interventions.length > 0 ? `Indsatser: ${g.interventions.map((i) => i.title).join(', ')}` : 'Ingen indsatser knyttet'}</span>
                  </p>
                  <GoalFollowUps caseId={kase.id} goalId={g.id} goalTitle={g.title} progress={g.progress} onRecorded={recorded} />
                </li>
              ))}
          </ol>
          {p.replaces.length > 0 && (
            <p className="item-meta">Planen erstatter: {p.replaces.map((x) => `${x.label} (${x.law} ${x.paragraph})`).join('; ')}</p>
          )}
        </>
      )}
    </Section>
  );
}
