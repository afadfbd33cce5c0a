/**
 * Kalenderregler (SPEC C9.2; decisions.md §41): which appointments may share
 * a day, travel time between places and a minimum pause — the municipality's
 * own values or the standard rules. Every save is a new version; the
 * calendars of caseworkers and citizens follow at once.
 */
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_KINDS, type AppointmentKind } from '@helhed/core';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, asApiError, isStaleVersion } from '../../api';
import { conflictRulesPath, setConflictRules, type ConflictRulesSetting, type ConflictRuleValues } from '../../clients/organisation';
import { formatInstant } from '../../format';
import { useResource } from '../../useResource';
import { Field, problemAt } from '../Field';
import { Section } from '../Section';
import { ErrorAlert, Loading, Notice } from '../Status';

type Rule = ConflictRuleValues['sameDay'][number];

/** A number field being typed in may hold no number for a moment: shown empty, refused by the server if saved so. */
const shown = (n: number) => (Number.isNaN(n) ? '' : n);

export function ConflictRulesSection({ canManage }: { canManage: boolean }) {
  const [revision, setRevision] = useState(0);
  const setting = useResource<ConflictRulesSetting>(conflictRulesPath, undefined, revision);
  const [draft, setDraft] = useState<ConflictRuleValues | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(setting.data ? structuredClone(setting.data.rules) : null), [setting.data]);
  const s = setting.data;

  async function save(rules: ConflictRuleValues | null) {
    if (!s) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await setConflictRules({ version: s.version, rules, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setNotice(saved.standard ? 'Kommunen bruger nu standardreglerne.' : `Reglerne er gemt som version ${saved.version}. Kalenderne bruger dem fra nu.`);
      setReason('');
      setRevision((r) => r + 1);
    } catch (e) {
      setError(asApiError(e, 'Reglerne blev ikke gemt. Prøv igen.'));
    } finally {
      setBusy(false);
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) void save(draft);
  };
  const setRule = (i: number, rule: Rule) => draft && setDraft({ ...draft, sameDay: draft.sameDay.map((r, j) => (j === i ? rule : r)) });
  const minutes = (value: string) => (/^\d+$/.test(value) ? Number(value) : NaN);

  return (
    <Section title="Kalenderregler" id="kalenderregler">
      <p>
        Reglerne afgør, hvornår kalenderen viser en konflikt for borgeren og sagsbehandleren. Det er kommunens egne regler, ikke lovkrav.
        {s && (s.standard ? ' Kommunen bruger standardreglerne.' : ` Kommunen bruger sine egne regler (version ${s.version}).`)}
      </p>
      <Notice message={notice} />
      {setting.loading && !s && <Loading what="Henter reglerne" />}
      <ErrorAlert error={setting.error} />
      {s && draft && (
        <form onSubmit={submit} noValidate>
          <fieldset className="group" disabled={!canManage}>
            <legend>Aftaler samme dag</legend>
            {draft.sameDay.map((rule, i) => (
              <SameDayRuleFields key={rule.id} index={i} rule={rule} error={error} onChange={(r) => setRule(i, r)} onRemove={() => setDraft({ ...draft, sameDay: draft.sameDay.filter((_, j) => j !== i) })} />
            ))}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setDraft({ ...draft, sameDay: [...draft.sameDay, { id: newRuleId(draft.sameDay), kinds: 'all', maxPerDay: 3, label: '' }] })}
            >
              Tilføj en regel
            </button>
          </fieldset>
          <fieldset className="group" disabled={!canManage}>
            <legend>Tid mellem aftaler</legend>
            <div className="field-row">
              <Field label="Transport inden for samme område (minutter)" problem={problemAt(error, 'body.rules.travel.sameAreaMinutes')}>
                {(a) => <input {...a} type="number" min={0} max={240} className="narrow" value={shown(draft.travel.sameAreaMinutes)} onChange={(e) => setDraft({ ...draft, travel: { ...draft.travel, sameAreaMinutes: minutes(e.target.value) } })} />}
              </Field>
              <Field label="Transport mellem to områder (minutter)" problem={problemAt(error, 'body.rules.travel.differentAreaMinutes')}>
                {(a) => <input {...a} type="number" min={0} max={240} className="narrow" value={shown(draft.travel.differentAreaMinutes)} onChange={(e) => setDraft({ ...draft, travel: { ...draft.travel, differentAreaMinutes: minutes(e.target.value) } })} />}
              </Field>
            </div>
            <div className="field-row">
              <Field label="Samme sted, når der er under (meter)" hint="To adresser så tæt på hinanden kræver ingen transport." problem={problemAt(error, 'body.rules.travel.samePlaceMetres')}>
                {(a) => <input {...a} type="number" min={0} max={5000} className="narrow" value={shown(draft.travel.samePlaceMetres)} onChange={(e) => setDraft({ ...draft, travel: { ...draft.travel, samePlaceMetres: minutes(e.target.value) } })} />}
              </Field>
              <Field label="Mindste pause mellem to aftaler (minutter)" hint="0 = ingen krav ud over transporttiden." problem={problemAt(error, 'body.rules.minimumGapMinutes')}>
                {(a) => <input {...a} type="number" min={0} max={240} className="narrow" value={shown(draft.minimumGapMinutes)} onChange={(e) => setDraft({ ...draft, minimumGapMinutes: minutes(e.target.value) })} />}
              </Field>
            </div>
          </fieldset>
          {canManage && (
            <>
              <Field label="Begrundelse (valgfri)">{(a) => <input {...a} type="text" className="wide" value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
              <ErrorAlert error={error} />
              {isStaleVersion(error) && (
                <button type="button" className="button button-secondary" onClick={() => setRevision((r) => r + 1)}>
                  Hent de gældende regler
                </button>
              )}
              <div className="button-row">
                <button type="submit" className="button" disabled={busy}>
                  {busy ? 'Gemmer …' : 'Gem reglerne'}
                </button>
                {!s.standard && (
                  <button type="button" className="button button-secondary" disabled={busy} onClick={() => void save(null)}>
                    Brug standardreglerne
                  </button>
                )}
              </div>
            </>
          )}
        </form>
      )}
      {s && s.history.length > 0 && (
        <>
          <h3>Tidligere versioner</h3>
          <ul className="item-list">
            {s.history.map((v) => (
              <li key={v.version} className="item">
                <p className="item-meta">
                  <span>Version {v.version}{v.standard ? ' (standardreglerne)' : ''}</span>
                  <span>
                    {formatInstant(v.createdAt)}
                    {v.createdByName && ` af ${v.createdByName}`}
                  </span>
                  {v.reason && <span>{v.reason}</span>}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

function newRuleId(rules: readonly Rule[]): string {
  for (let n = rules.length + 1; ; n++) if (!rules.some((r) => r.id === `regel-${n}`)) return `regel-${n}`;
}

function SameDayRuleFields({ index, rule, error, onChange, onRemove }: { index: number; rule: Rule; error: ApiError | null; onChange: (r: Rule) => void; onRemove: () => void }) {
  const at = `body.rules.sameDay.${index}`;
  const name = rule.label || `Regel ${index + 1}`;
  const all = rule.kinds === 'all';
  const toggle = (kind: AppointmentKind, on: boolean) => {
    const kinds = rule.kinds === 'all' ? [] : rule.kinds;
    onChange({ ...rule, kinds: on ? [...kinds, kind] : kinds.filter((k) => k !== kind) });
  };
  return (
    <fieldset className="group">
      <legend>{name}</legend>
      <Field label="Navn på reglen" hint="Vises ved konflikten." problem={problemAt(error, `${at}.label`)}>
        {(a) => <input {...a} type="text" className="wide" value={rule.label} onChange={(e) => onChange({ ...rule, label: e.target.value })} />}
      </Field>
      <Field label="Højst antal om dagen" problem={problemAt(error, `${at}.maxPerDay`)}>
        {(a) => <input {...a} type="number" min={1} max={20} className="narrow" value={shown(rule.maxPerDay)} onChange={(e) => onChange({ ...rule, maxPerDay: /^\d+$/.test(e.target.value) ? Number(e.target.value) : NaN })} />}
      </Field>
      <fieldset>
        <legend>Hvilke aftaler tæller</legend>
        {problemAt(error, `${at}.kinds`) && <p className="field-error">{problemAt(error, `${at}.kinds`)}</p>}
        <ul className="check-list kinds">
          <li>
            <label>
              <input type="checkbox" checked={all} onChange={(e) => onChange({ ...rule, kinds: e.target.checked ? 'all' : [] })} /> Alle slags aftaler
            </label>
          </li>
          {!all &&
            APPOINTMENT_KINDS.map((kind) => (
              <li key={kind}>
                <label>
                  <input type="checkbox" checked={rule.kinds.includes(kind)} onChange={(e) => toggle(kind, e.target.checked)} /> {APPOINTMENT_KIND_LABELS[kind]}
                </label>
              </li>
            ))}
        </ul>
      </fieldset>
      <button type="button" className="button button-secondary" onClick={onRemove}>
        Fjern reglen<span className="visually-hidden"> {name}</span>
      </button>
    </fieldset>
  );
}
