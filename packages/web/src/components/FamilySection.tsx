/** The citizen's household: children and other members, and whether they have a case of their own. */
import type { CaseSectionProps } from './case-section';
import { Section } from './Section';
import { Empty } from './Status';

const RELATION_LABELS = { self: 'Borgeren selv', child: 'Barn', parent: 'Forælder', household: 'I husstanden' } as const;

export function FamilySection({ id, overview }: CaseSectionProps) {
  const members = overview.family.filter((m) => m.relation !== 'self');
  return (
    <Section id={id} title="Familie">
      {members.length === 0 ? (
        <Empty>Der er ingen familiemedlemmer registreret.</Empty>
      ) : (
        <ul className="item-list">
          {members.map((m) => (
            <li key={m.citizenId} className="item">
              <p className="item-title title-row">
                <span>{m.name}</span>
                <span className="badge">{RELATION_LABELS[m.relation]}</span>
              </p>
              <p className="item-meta">
                <span>{m.age} år</span>
                <span>{m.sameHousehold ? 'Bor hos borgeren' : 'Bor ikke hos borgeren'}</span>
                <span>{m.hasCase ? 'Har sin egen helhedssag' : 'Ingen egen helhedssag'}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="item-meta">Børns indsatser indgår i en familieplan, men afgøres fortsat efter barnets lov.</p>
    </Section>
  );
}
