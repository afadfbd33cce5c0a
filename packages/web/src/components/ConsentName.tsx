/** The party a consent names: the source of health information, or who data may be disclosed to. */
export function counterpartText(scope: string, counterpart: string | null): string | null {
  if (!counterpart) return null;
  if (scope === 'health_information') return `Fra: ${counterpart}`;
  if (scope === 'disclosure') return `Til: ${counterpart}`;
  return counterpart;
}

/** A consent's name for tables: the scope, with the named party below it. */
export function ConsentName({ scope, scopeLabel, counterpart }: { scope: string; scopeLabel: string; counterpart: string | null }) {
  const party = counterpartText(scope, counterpart);
  return (
    <>
      {scopeLabel}
      {party && <span className="sub">{party}</span>}
    </>
  );
}

/** A consent's title row in a list: the scope and its state, with the named party below. */
export function ConsentTitle({ scope, scopeLabel, counterpart, active, activeText }: { scope: string; scopeLabel: string; counterpart: string | null; active: boolean; activeText: string }) {
  const party = counterpartText(scope, counterpart);
  return (
    <>
      <p className="item-title title-row">
        <span>{scopeLabel}</span>
        {active ? <span className="badge badge-ok">{activeText}</span> : <span className="badge badge-warn">Tilbagekaldt</span>}
      </p>
      {party && <p className="item-text">{party}</p>}
    </>
  );
}
