/** The period: a preset or two months of one's own choosing; the page's address keeps it, so it can be shared. */
import { addMonthsTo, isYearMonth } from '@helhed/core';
import { useId, useState, type FormEvent } from 'react';

export type Period = { from: string; to: string };

/** The presets, relative to the current month. */
export function presets(currentMonth: string): { key: string; label: string; period: Period }[] {
  const year = Number(currentMonth.slice(0, 4));
  return [
    { key: '12', label: 'De seneste 12 måneder', period: { from: addMonthsTo(currentMonth, -11), to: currentMonth } },
    { key: '6', label: 'De seneste 6 måneder', period: { from: addMonthsTo(currentMonth, -5), to: currentMonth } },
    { key: '24', label: 'De seneste 24 måneder', period: { from: addMonthsTo(currentMonth, -23), to: currentMonth } },
    { key: 'this-year', label: `I år (${year})`, period: { from: `${year}-01`, to: currentMonth } },
    { key: 'last-year', label: `Sidste år (${year - 1})`, period: { from: `${year - 1}-01`, to: `${year - 1}-12` } },
  ];
}

export function PeriodPicker({ period, currentMonth, onChange }: { period: Period; currentMonth: string; onChange: (p: Period) => void }) {
  const ids = { preset: useId(), from: useId(), to: useId(), hint: useId(), error: useId() };
  const options = presets(currentMonth);
  const matching = options.find((o) => o.period.from === period.from && o.period.to === period.to);
  const [preset, setPreset] = useState(matching?.key ?? 'own');
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [error, setError] = useState<string | null>(null);

  function choose(key: string) {
    setPreset(key);
    const chosen = options.find((o) => o.key === key);
    if (!chosen) return;
    setFrom(chosen.period.from);
    setTo(chosen.period.to);
    setError(null);
    onChange(chosen.period);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isYearMonth(from) || !isYearMonth(to)) return setError('Skriv månederne som ÅÅÅÅ-MM, fx 2026-01.');
    if (to < from) return setError('Slutmåneden ligger før startmåneden.');
    setError(null);
    onChange({ from, to });
  }

  return (
    <form className="period-picker" onSubmit={submit} aria-label="Vælg periode">
      <div className="field">
        <label htmlFor={ids.preset}>Periode</label>
        <select id={ids.preset} value={preset} onChange={(e) => choose(e.target.value)}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
          <option value="own">Vælg selv måneder</option>
        </select>
      </div>
      {preset === 'own' && (
        <>
          <div className="field">
            <label htmlFor={ids.from}>Fra måned</label>
            <input id={ids.from} type="month" value={from} min="2018-01" max={currentMonth} aria-describedby={`${ids.hint}${error ? ` ${ids.error}` : ''}`} aria-invalid={error ? true : undefined} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>Til måned</label>
            <input id={ids.to} type="month" value={to} min="2018-01" aria-describedby={`${ids.hint}${error ? ` ${ids.error}` : ''}`} aria-invalid={error ? true : undefined} onChange={(e) => setTo(e.target.value)} />
          </div>
          <button type="submit" className="button">
            Vis perioden
          </button>
          <p id={ids.hint} className="hint period-hint">
            Hele måneder, højst 5 år. Skriv ÅÅÅÅ-MM, hvis din browser ikke viser en kalender.
          </p>
          {error && (
            <p id={ids.error} className="field-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </form>
  );
}
