/** Contact persons with the contacts-per-citizen figures (SPEC C1). */
import { sectorLabel } from '../labels';
import type { Contact } from '../types';
import type { CaseSectionProps } from './case-section';
import { DateText } from './DateText';
import { Section } from './Section';
import { Empty } from './Status';

export function ContactsSection({ id, overview }: CaseSectionProps) {
  const data = overview.contacts;
  const current = sortCurrent(data.items.filter((c) => c.endedOn === null));
  const earlier = data.items.filter((c) => c.endedOn !== null).sort((a, b) => (b.endedOn ?? '').localeCompare(a.endedOn ?? ''));
  return (
    <Section id={id} title="Kontaktpersoner">
      <dl className="stats">
        <Stat label="Aktive kontaktpersoner" value={data.counts.active} />
        <Stat label="Myndighedspersoner" value={data.counts.activeAuthority} />
        <Stat label="Mødt de seneste 12 måneder" value={data.counts.authorityLast12Months} note="myndighedspersoner" />
        <Stat
          label="Skift af koordinerende sagsbehandler"
          value={data.counts.coordinatorChangesLast12Months}
          note="de seneste 12 måneder"
          warn={data.counts.coordinatorChangesLast12Months > 0}
        />
      </dl>
      {data.counts.coordinatorChangesLast12Months > 0 && (
        <p className="alert alert-warn">
          Borgeren har skiftet koordinerende sagsbehandler i det seneste år. Prioritér kontinuitet i kontakten.
        </p>
      )}
      <h3>Nuværende kontaktpersoner</h3>
      {current.length === 0 ? <Empty>Ingen nuværende kontaktpersoner.</Empty> : <ContactItems contacts={current} />}
      <h3>Tidligere kontaktpersoner</h3>
      {earlier.length === 0 ? (
        <Empty>Ingen tidligere kontaktpersoner.</Empty>
      ) : (
        <details>
          <summary>{earlier.length === 1 ? 'Vis den tidligere kontaktperson' : `Vis de ${earlier.length} tidligere kontaktpersoner`}</summary>
          <ContactItems contacts={earlier} />
        </details>
      )}
    </Section>
  );
}

function Stat({ label, value, note, warn = false }: { label: string; value: number; note?: string; warn?: boolean }) {
  return (
    <div className={warn ? 'stat stat-warn' : 'stat'}>
      <dt>{label}</dt>
      <dd>
        <span className="stat-value">{value}</span>
        {note && <span className="stat-note">{note}</span>}
      </dd>
    </div>
  );
}

function sortCurrent(items: Contact[]): Contact[] {
  const rank = (c: Contact) => (c.coordinating ? 0 : c.authority ? 1 : 2);
  return [...items].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'da'));
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');

function ContactItems({ contacts }: { contacts: Contact[] }) {
  return (
    <ul className="item-list contact-list">
      {contacts.map((c) => (
        <li key={c.id} className={c.coordinating ? 'item item-primary' : 'item'}>
          <p className="item-title title-row">
            <span>{c.name}</span>
            {c.coordinating && <span className="badge badge-primary">Koordinerende</span>}
            {c.authority && <span className="badge">Myndighedsperson</span>}
          </p>
          {!same(c.role, c.name) && <p className="item-text">{c.role}</p>}
          <p className="item-meta">
            <span>{sectorLabel(c.sector)}</span>
            {c.organisation && !same(c.organisation, c.name) && !same(c.organisation, sectorLabel(c.sector)) && <span>{c.organisation}</span>}
            <span>
              {c.endedOn ? (
                <>
                  <DateText date={c.since} /> – <DateText date={c.endedOn} />
                </>
              ) : (
                <>
                  Siden <DateText date={c.since} />
                </>
              )}
            </span>
            {c.phone && <span>Tlf. {c.phone}</span>}
            {c.email && (
              <span>
                <a href={`mailto:${c.email}`}>{c.email}</a>
              </span>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
