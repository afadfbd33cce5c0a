/** The plan's version history (who, when, why, what changed) and the difference between any two versions. */
import { useId, useState, type FormEvent } from 'react';
import { planDiffPath, planVersionsPath, type PlanDiff, type PlanVersionSummary } from '../../clients/plan';
import type { Items } from '../../types';
import { useOptionalResource, useResource } from '../../useResource';
import { InstantText } from '../DateText';
import { Section } from '../Section';
import { Empty, ErrorAlert, Loading } from '../Status';

export function PlanVersions({ caseId, revision }: { caseId: string; revision: number }) {
  const versions = useOptionalResource<Items<PlanVersionSummary>>(planVersionsPath(caseId), revision);
  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Section title="Versioner">
      {versions.loading && !versions.data && <Loading what="Henter versionerne" />}
      <ErrorAlert error={versions.error} />
      {(versions.unavailable || (versions.data && items.length === 0)) && <Empty>Planen har ingen versioner endnu.</Empty>}
      {items.length > 0 && (
        <>
          <ol className="item-list version-list">
            {items.map((v) => (
              <li key={v.version} className="item">
                <p className="item-title">Version {v.version}</p>
                <p className="item-meta">
                  <span>
                    <InstantText at={v.changedAt} time />
                  </span>
                  <span>{v.changedBy}</span>
                  <span>Regelsæt {v.ruleSetId}</span>
                </p>
                <p>Årsag: {v.reason}</p>
                <ul>
                  {v.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {items.length > 1 && <DiffPicker caseId={caseId} versions={items.map((v) => v.version)} />}
        </>
      )}
    </Section>
  );
}

/** Two versions chosen by the person; the server says what changed between them. */
function DiffPicker({ caseId, versions }: { caseId: string; versions: number[] }) {
  const newest = versions[0]!;
  const [from, setFrom] = useState(versions[1]!);
  const [to, setTo] = useState(newest);
  const [shown, setShown] = useState<{ from: number; to: number } | null>(null);
  const diff = useResource<PlanDiff>(shown ? planDiffPath(caseId, shown.from, shown.to) : null);
  const fromId = useId();
  const toId = useId();
  const resultId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown({ from, to });
  };
  const options = versions.map((v) => (
    <option key={v} value={v}>
      Version {v}
    </option>
  ));
  return (
    <form className="diff-picker" onSubmit={submit}>
      <h3>Sammenlign to versioner</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor={fromId}>Fra</label>
          <select id={fromId} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {options}
          </select>
        </div>
        <div className="field">
          <label htmlFor={toId}>Til</label>
          <select id={toId} value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {options}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          Vis forskellen
        </button>
      </div>
      {shown && (
        <div className="diff" role="region" aria-labelledby={resultId}>
          <h4 id={resultId}>
            Fra version {shown.from} til version {shown.to}
          </h4>
          {diff.loading && !diff.data && <Loading what="Henter forskellen" />}
          <ErrorAlert error={diff.error} />
          {diff.data &&
            (diff.data.changes.length === 0 ? (
              <p>Der er ingen forskel på de to versioner.</p>
            ) : (
              <ul className="change-list">
                {diff.data.changes.map((c, i) => (
                  <li key={`${i}-${c.text}`} className={`change change-${c.kind}`}>
                    {c.text}
                  </li>
                ))}
              </ul>
            ))}
        </div>
      )}
    </form>
  );
}
