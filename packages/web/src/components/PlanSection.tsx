import { planPath, type Plan } from '../clients/plan';
import { useOptionalResource } from '../useResource';
import { DateText, InstantText } from './DateText';
import { Section } from './Section';
import { ErrorAlert, Loading } from './Status';

/** The one plan: the overall goal in the citizen's words, sub-goals by priority with progression (1–10) and follow-up. */
export function PlanSection({ id, caseId }: { id: string; caseId: string }) {
  const r = useOptionalResource<Plan>(planPath(caseId));
  const p = r.data;
  return (
    <Section id={id} title="Plan">
      {r.loading && !p && <Loading />}
      <ErrorAlert error={r.error} />
      {r.unavailable && <p>Der er ikke lavet en plan i sagen endnu.</p>}
      {p && (
        <>
          <p className="item-meta">
            <span>Version {p.version}</span>
            <span>
              Ændret <InstantText at={p.changedAt} /> af {p.changedBy}
            </span>
            <span>Årsag: {p.reason}</span>
          </p>
          <h3>Overordnet mål</h3>
          <blockquote className="citizen-words">»{p.overallGoal.citizenWords}«</blockquote>
          {p.overallGoal.caseworkerText && <p>{p.overallGoal.caseworkerText}</p>}
          <Progress progress={p.overallGoal.progress} />
          <h3>Delmål</h3>
          <ol className="item-list">
            {[...p.subGoals]
              .sort((a, b) => a.priority - b.priority)
              .map((g) => (
                <li key={g.id} className="item">
                  <p className="item-title title-row">
                    <span>{g.title}</span>
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
                    {g.interventions.length > 0 && <span>Indsatser: {g.interventions.map((i) => i.title).join(', ')}</span>}
                  </p>
                  <Progress progress={g.progress} />
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

function Progress({ progress }: { progress: Plan['overallGoal']['progress'] }) {
  return (
    <p className="progress-line">
      {progress.progression !== null ? (
        <>
          <meter min={1} max={10} value={progress.progression} aria-label="Progression">
            {progress.progression}/10
          </meter>{' '}
          Progression {progress.progression}/10
        </>
      ) : (
        'Ingen opfølgning endnu'
      )}
      {' · '}
      {progress.achievementLabel}
      {progress.nextFollowUpOn && (
        <>
          {' · Næste opfølgning '}
          <DateText date={progress.nextFollowUpOn} />
        </>
      )}
    </p>
  );
}
