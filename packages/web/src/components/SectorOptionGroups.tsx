import { sectorLabel } from '../labels';

/** Interventions or catalogue items to choose from, grouped under their sector's Danish name. */
export function SectorOptionGroups({ groups }: { groups: readonly { sector: string; items: readonly { id: string; title: string }[] }[] }) {
  return (
    <>
      {groups.map((g) => (
        <optgroup key={g.sector} label={sectorLabel(g.sector)}>
          {g.items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
