import { addDays, addWeeks, copenhagenInstant, isoWeekday, parseCpr, todayInCopenhagen, type LocalDate } from '@helhed/core';
import type { Tx } from '../db/transactions';

/**
 * Demo coordination data (SPEC §6, C9): the partner register, Lotte's network,
 * and Lotte's family calendar with the conflict the SPEC names — the family
 * therapist on the same Tuesday as her psychologist and her mentor — plus a
 * jobcenter meeting too soon after the psychologist to get there.
 * Dates are relative to the seeding day, so the default window (today + 8
 * weeks) always shows them.
 */
const PARTNERS = [
  { key: 'jobvejen', kind: 'company' as const, name: 'Jobvejen ApS', cvr: '10000001', contactName: 'Lone Berg', area: 'Centrum', description: 'Anden aktør: jobrettede forløb og virksomhedspraktik.' },
  { key: 'bageriet', kind: 'company' as const, name: 'Bageriet på Torvet', cvr: '10000002', contactName: 'Søren Bager', area: 'Centrum', description: 'Virksomhedspraktik og løntilskud i kantine og bageri.' },
  { key: 'frivillig', kind: 'civil_society' as const, name: 'Demoby Frivilligcenter', cvr: null, contactName: 'Birthe Holm', area: 'Nordby', description: 'Besøgsvenner, netværksgrupper og lektiecafé.' },
  { key: 'mor-netvaerk', kind: 'civil_society' as const, name: 'Mødrehjælpen, Demoby', cvr: null, contactName: null, area: 'Havnen', description: 'Rådgivning og netværk for familier med svær økonomi.' },
];

const FAMILIEHUSET = { place_name: 'Familiehuset, Skolevej 4', area: 'Centrum', latitude: 56.1572, longitude: 10.2107 };
const PSYKOLOG = { place_name: 'Psykologpraksis, Havnegade 12', area: 'Havnen', latitude: 56.1529, longitude: 10.2265 };
const JOBCENTER = { place_name: 'Jobcenter Helhed, Rådhuspladsen 1', area: 'Centrum', latitude: 56.1566, longitude: 10.2079 };
const SKOLEN = { place_name: 'Demoby Skole, Nordvej 30', area: 'Nordby', latitude: 56.1701, longitude: 10.2034 };

export async function loadDemoCoordination(tx: Tx, m: string, now: Date): Promise<void> {
  const partnerIds = new Map(PARTNERS.map((p) => [p.key, crypto.randomUUID()]));
  await tx
    .insertInto('partner')
    .values(PARTNERS.map((p) => ({ municipality_id: m, id: partnerIds.get(p.key)!, kind: p.kind, name: p.name, cvr: p.cvr, contact_name: p.contactName, phone: null, email: null, address: null, area: p.area, description: p.description, created_at: now })))
    .execute();

  const citizen = async (cpr: string) => {
    const parsed = parseCpr(cpr);
    if (!parsed.ok) throw new Error(cpr);
    return tx.selectFrom('citizen').select('id').where('municipality_id', '=', m).where('cpr', '=', parsed.cpr.digits).executeTakeFirstOrThrow();
  };
  const lotte = await citizen('120591-1002');
  const freja = await citizen('210615-4002');
  const lotteCase = await tx.selectFrom('holistic_case').select('id').where('municipality_id', '=', m).where('citizen_id', '=', lotte.id).where('closed_at', 'is', null).executeTakeFirst();
  if (!lotteCase) return;
  const kim = await tx.selectFrom('employee').select('id').where('municipality_id', '=', m).where('username', '=', 'kim').executeTakeFirstOrThrow();
  const interventions = await tx.selectFrom('intervention').select(['id', 'title']).where('municipality_id', '=', m).where('case_id', '=', lotteCase.id).execute();
  const intervention = (prefix: string) => interventions.find((i) => i.title.startsWith(prefix))?.id ?? null;
  const jobforloeb = intervention('Jobrettet forløb');
  if (jobforloeb) await tx.updateTable('intervention').set({ partner_id: partnerIds.get('jobvejen')! }).where('municipality_id', '=', m).where('id', '=', jobforloeb).execute();

  const sister = crypto.randomUUID();
  await tx
    .insertInto('network_person')
    .values({ municipality_id: m, id: sister, citizen_id: lotte.id, name: 'Karina Frederiksen', relation: 'Søster', phone: null, email: null, note: 'Henter børnene om tirsdagen, når Lotte er til familiebehandling.', created_at: now })
    .execute();

  const today = todayInCopenhagen(now);
  const nextWeekday = (weekday: number): LocalDate => addDays(today, ((weekday - isoWeekday(today) + 7) % 7) || 7);
  const tuesday = nextWeekday(2);
  const thursday = nextWeekday(4);
  const until = addWeeks(tuesday, 12);
  const at = (date: LocalDate, from: string, to: string) => ({ starts_at: copenhagenInstant(date, from), ends_at: copenhagenInstant(date, to) });
  const base = { municipality_id: m, case_id: lotteCase.id, citizen_id: lotte.id, created_at: now, created_by: null };
  const none = { intervention_id: null, carrier_employee_id: null, carrier_partner_id: null, carrier_network_person_id: null, carrier_text: null, recurrence: null, recurrence_until: null };
  await tx
    .insertInto('calendar_entry')
    .values([
      { ...base, ...none, ...FAMILIEHUSET, ...at(tuesday, '09:00', '10:30'), id: crypto.randomUUID(), title: 'Familiebehandling', kind: 'family_therapy', carrier_text: 'Anne Marie Lauridsen, Familiehuset', recurrence: 'weekly', recurrence_until: until },
      { ...base, ...none, ...PSYKOLOG, ...at(tuesday, '12:30', '13:30'), id: crypto.randomUUID(), title: 'Samtale hos psykolog', kind: 'psychologist', carrier_text: 'Jesper Lind, psykolog', recurrence: 'biweekly', recurrence_until: until },
      { ...base, ...none, ...JOBCENTER, ...at(thursday, '10:00', '11:00'), id: crypto.randomUUID(), title: 'Mentorsamtale', kind: 'mentor', intervention_id: intervention('Mentorstøtte'), carrier_employee_id: kim.id, recurrence: 'weekly', recurrence_until: until },
      // The SPEC's conflict: an extra mentor meeting on the first Tuesday, the family therapist's and psychologist's day …
      { ...base, ...none, ...JOBCENTER, ...at(tuesday, '15:00', '15:45'), id: crypto.randomUUID(), title: 'Ekstra mentorsamtale (forberedelse af praktik)', kind: 'mentor', intervention_id: intervention('Mentorstøtte'), carrier_employee_id: kim.id },
      // … and a jobcenter meeting 10 minutes after the psychologist, across town.
      { ...base, ...none, ...JOBCENTER, ...at(tuesday, '13:40', '14:20'), id: crypto.randomUUID(), title: 'Opfølgning på jobrettet forløb', kind: 'employment_activity', intervention_id: jobforloeb, carrier_partner_id: partnerIds.get('jobvejen')! },
      // Freja (11): school meeting with PPR, in the family calendar.
      { ...base, ...none, ...SKOLEN, ...at(addDays(thursday, 7), '14:00', '15:00'), id: crypto.randomUUID(), citizen_id: freja.id, title: 'Skolemøde med PPR om Freja', kind: 'school_meeting', carrier_text: 'PPR, Demoby Skole' },
    ])
    .execute();
}
