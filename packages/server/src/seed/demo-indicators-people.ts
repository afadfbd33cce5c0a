/**
 * Synthetic background citizens for the indicators (SPEC C11): sixteen months
 * of a municipality phasing in the holistic effort, as plain data. Each
 * person is offered the effort (or assessed and not offered), consents or
 * not, gets a plan, interventions and a combined decision, sometimes
 * complains, answers the survey, and some leave public benefits. The shape of
 * the numbers follows the reform's hopes modestly: plans come a little sooner
 * month by month, and answers grow a little more positive.
 *
 * EVERYTHING IS SYNTHETIC: names drawn from common Danish names, CPR numbers
 * from core's `syntheticCpr` (middle digits 60+, unlike the SPEC §6 people),
 * addresses in "9999 Demoby". Deterministic: the same day gives the same people.
 */
import { addDays, addMonths, compareDates, daysBetween, syntheticCpr, type LocalDate, type Sector, type SurveyAnswer } from '@helhed/core';
import type { DemoSectorRecord } from './demo-types';

export interface HistoryIntervention {
  catalogueKind: string;
  plannedStart: LocalDate;
  startedOn: LocalDate | null;
  endedOn: LocalDate | null;
}

export interface HistoryComplaint {
  receivedOn: LocalDate;
  /** refused: received after the deadline and refused as late */
  outcome: 'pending' | 'refused_late' | 'change' | 'uphold';
  reassessedOn: LocalDate | null;
  appeal: { result: 'stadfaestet' | 'aendret' | 'ophaevet' | 'hjemvist'; on: LocalDate } | null;
}

export interface HistoryCase {
  coordinatorKey: string;
  openedOn: LocalDate;
  consentOn: LocalDate | null;
  withdrawnOn: LocalDate | null;
  closedOn: LocalDate | null;
  /** authority persons before the effort (ended the day the case opened) and staff carrying the effort now */
  contactsBefore: { name: string; role: string; sector: Sector; organisation: string }[];
  executing: { name: string; role: string; sector: Sector; organisation: string; authority: boolean }[];
  planOn: LocalDate | null;
  planRevisedOn: LocalDate | null;
  interventions: HistoryIntervention[];
  decisionOn: LocalDate | null;
  complaint: HistoryComplaint | null;
  survey: { answeredOn: LocalDate; answer: SurveyAnswer }[];
}

export interface HistoryPerson {
  key: string;
  cpr: string;
  name: string;
  address: string;
  records: DemoSectorRecord[];
  assessedOn: LocalDate;
  offered: boolean;
  case: HistoryCase | null;
}

/** The synthetic caseworkers of the background cases (their own team, so the SPEC §6 caseloads stay as they are). */
export const HISTORY_CASEWORKERS = [
  { key: 'history-anne', username: 'anne', name: 'Anne Vinther', email: 'anne.vinther@helhed-demokommune.example' },
  { key: 'history-bo', username: 'bo', name: 'Bo Kristensen', email: 'bo.kristensen@helhed-demokommune.example' },
  { key: 'history-yasmin', username: 'yasmin', name: 'Yasmin Aziz', email: 'yasmin.aziz@helhed-demokommune.example' },
] as const;

export const HISTORY_MONTHS = 16;

const WOMEN = ['Anja', 'Bettina', 'Camilla', 'Dorthe', 'Eva', 'Gitte', 'Hanne', 'Helle', 'Janni', 'Karina', 'Lene', 'Maja', 'Nadia', 'Pia', 'Rikke', 'Sara', 'Susanne', 'Tina', 'Trine', 'Vibeke'];
const MEN = ['Ahmad', 'Allan', 'Brian', 'Carsten', 'Dennis', 'Frank', 'Henrik', 'Jan', 'Jesper', 'Kasper', 'Lars', 'Michael', 'Morten', 'Nicolai', 'Ole', 'René', 'Steffen', 'Thomas', 'Tonny', 'Kim'];
const SURNAMES = ['Andersen', 'Bech', 'Christensen', 'Dam', 'Eriksen', 'Fisker', 'Gregersen', 'Holm', 'Iversen', 'Jakobsen', 'Kjær', 'Lassen', 'Mikkelsen', 'Nørgaard', 'Olesen', 'Poulsen', 'Riis', 'Skov', 'Thomsen', 'Vestergaard'];
const STREETS = ['Birkevej', 'Engtoften', 'Fasanvej', 'Granparken', 'Hybenvej', 'Lærkevej', 'Møllegade', 'Nørregade', 'Rosenvænget', 'Søndergade'];

const BEFORE = [
  { role: 'Sagsbehandler, kontanthjælp', sector: 'benefits', organisation: 'Ydelsescentret' },
  { role: 'Jobkonsulent', sector: 'employment', organisation: 'Jobcenter Helhed' },
  { role: 'Virksomhedskonsulent', sector: 'employment', organisation: 'Jobcenter Helhed' },
  { role: 'Socialrådgiver', sector: 'adult_social', organisation: 'Voksen- og Socialafdelingen' },
  { role: 'Sagsbehandler, sygedagpenge', sector: 'benefits', organisation: 'Jobcenter Helhed' },
  { role: 'Misbrugskonsulent', sector: 'health', organisation: 'Rusmiddelcenter Demoby' },
  { role: 'Familierådgiver', sector: 'children_family', organisation: 'Børn og Familie' },
  { role: 'Boligsocial medarbejder', sector: 'housing', organisation: 'Boligselskabet Demoby' },
  { role: 'Sagsbehandler', sector: 'national', organisation: 'Udbetaling Danmark' },
  { role: 'Rehabiliteringsteamets koordinator', sector: 'employment', organisation: 'Jobcenter Helhed' },
  { role: 'UU-vejleder', sector: 'education', organisation: 'Kommunal ungeindsats' },
  { role: 'Sagsbehandler, økonomi', sector: 'benefits', organisation: 'Ydelsescentret' },
] as const satisfies readonly { role: string; sector: Sector; organisation: string }[];

/** Catalogue items the background cases are granted (all with a basis under the main law). */
const INTERVENTION_KINDS = ['kombineret_stoetteperson', 'virksomhedspraktik', 'vejledning_opkvalificering', 'sel_101', 'stoette_timepulje', 'sundhedsloven_141', 'boliganvisning'];

/** A small seeded generator (mulberry32): the same demo every time. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** the items in a random order (Fisher–Yates) */
    shuffled: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const before = (a: LocalDate, b: LocalDate) => compareDates(a, b) < 0;
const orNull = (date: LocalDate, today: LocalDate) => (before(date, today) ? date : null);

/** The background people, with everything dated before `today`. */
export function historyPeople(today: LocalDate): HistoryPerson[] {
  const rnd = random(20_260_101);
  const firstMonth = addMonths(`${today.slice(0, 7)}-01`, -(HISTORY_MONTHS - 1));
  const people: HistoryPerson[] = [];
  for (let month = 0; month < HISTORY_MONTHS; month++) {
    const monthStart = addMonths(firstMonth, month);
    const offers = 6 + Math.round(month * 0.45) + rnd.int(0, 2);
    for (let n = 0; n < offers; n++) {
      const assessedOn = addDays(monthStart, rnd.int(1, 26));
      if (!before(assessedOn, today)) continue;
      people.push(person(people.length, assessedOn, month / (HISTORY_MONTHS - 1), today, rnd));
    }
  }
  return people;
}

function person(index: number, assessedOn: LocalDate, progress: number, today: LocalDate, rnd: ReturnType<typeof random>): HistoryPerson {
  const sex = rnd.chance(0.5) ? 'female' : 'male';
  const young = rnd.chance(0.12);
  const birthDate = addDays(addMonths(assessedOn, -12 * (young ? rnd.int(19, 23) : rnd.int(26, 58))), -rnd.int(0, 360));
  const cpr = syntheticCpr(birthDate, sex, 300 + index);
  const name = `${rnd.pick(sex === 'female' ? WOMEN : MEN)} ${rnd.pick(SURNAMES)}`;
  const benefit = young ? 'uddannelseshjaelp' : rnd.pick(['kontanthjaelp', 'kontanthjaelp', 'kontanthjaelp', 'sygedagpenge', 'ressourceforloebsydelse'] as const);
  const since = addMonths(assessedOn, -rnd.int(14, 70));
  const records: DemoSectorRecord[] = [
    { kind: 'benefit', sector: 'benefits', code: benefit, title: BENEFIT_TITLES[benefit], legalBasis: BENEFIT_BASES[benefit], start: since, sourceSystem: 'Ydelsessystem' },
    young
      ? { kind: 'plan', sector: 'education', code: 'uddannelsesplan', title: 'Uddannelsesplan (kommunal ungeindsats)', legalBasis: 'Vejledningsloven § 2 b', start: addMonths(since, 1), sourceSystem: 'KUI (fagsystem)' }
      : { kind: 'plan', sector: 'employment', code: 'min_plan', title: 'Min Plan', legalBasis: 'LAB § 40, stk. 1', start: addMonths(since, 1), sourceSystem: 'Jobcenter (fagsystem)' },
    socialRecord(rnd.pick(['sel_85', 'sel_85', 'sel_101', 'sundhedsloven_141'] as const), addMonths(assessedOn, -rnd.int(3, 30))),
  ];
  const key = `history-${index + 1}`;
  const base = { key, cpr: `${cpr.digits.slice(0, 6)}-${cpr.digits.slice(6)}`, name, address: `${rnd.pick(STREETS)} ${rnd.int(1, 80)}, 9999 Demoby`, records, assessedOn };
  if (rnd.chance(0.08)) return { ...base, offered: false, case: null };

  const openedOn = addDays(assessedOn, rnd.int(0, 3));
  if (!before(openedOn, today)) return { ...base, offered: true, case: null };
  const kase: HistoryCase = {
    coordinatorKey: HISTORY_CASEWORKERS[index % HISTORY_CASEWORKERS.length]!.key,
    openedOn,
    consentOn: null,
    withdrawnOn: null,
    closedOn: null,
    contactsBefore: contactsBefore(rnd),
    executing: [],
    planOn: null,
    planRevisedOn: null,
    interventions: [],
    decisionOn: null,
    complaint: null,
    survey: [],
  };
  const recent = daysBetween(openedOn, today) < 21;
  const answer = rnd.next();
  if (recent ? answer < 0.5 : answer < 0.07) {
    // Said no (the case was closed), or has not answered yet.
    if (!recent) kase.closedOn = orNull(addDays(openedOn, rnd.int(14, 40)), today);
    return { ...base, offered: true, case: kase };
  }
  kase.consentOn = orNull(addDays(openedOn, rnd.int(1, 12)), today);
  if (!kase.consentOn) return { ...base, offered: true, case: kase };

  // Plans come sooner as the municipality learns: a median of about 40 days at first, about 18 at the end.
  const planDays = Math.round((40 - 22 * progress) * Math.exp((rnd.next() - 0.5) * 1.1));
  kase.planOn = orNull(addDays(kase.consentOn, planDays), today);
  kase.planRevisedOn = kase.planOn && rnd.chance(0.4) ? orNull(addDays(kase.planOn, rnd.int(40, 120)), today) : null;
  const grantedOn = kase.planOn ?? addDays(kase.consentOn, 7);
  kase.interventions = interventions(grantedOn, today, rnd);
  kase.executing = executing(rnd);
  kase.decisionOn = kase.planOn ? orNull(addDays(kase.planOn, Math.round((22 - 10 * progress) * Math.exp((rnd.next() - 0.5) * 0.9))), today) : null;
  if (kase.decisionOn && rnd.chance(0.22)) kase.complaint = complaint(kase.decisionOn, today, rnd);
  kase.survey = survey(kase.consentOn, today, rnd);

  if (rnd.chance(0.08)) {
    kase.withdrawnOn = orNull(addDays(kase.consentOn, rnd.int(50, 200)), today);
    if (kase.withdrawnOn) kase.closedOn = orNull(addDays(kase.withdrawnOn, rnd.int(14, 30)), today);
  }
  // Some leave public benefits: a job, now and then a fleksjob.
  if (!kase.withdrawnOn && rnd.chance(0.3)) {
    const jobOn = orNull(addDays(kase.consentOn, rnd.int(60, 330)), today);
    if (jobOn) {
      records[0] = { ...records[0]!, end: addDays(jobOn, -1) };
      if (rnd.chance(0.2)) records.push({ kind: 'intervention', sector: 'employment', code: 'fleksjob', title: 'Fleksjob', legalBasis: 'LAB § 116', start: jobOn, sourceSystem: 'Jobcenter (fagsystem)' });
      kase.closedOn = orNull(addDays(jobOn, rnd.int(30, 75)), today);
    }
  }
  if (kase.closedOn) {
    kase.interventions = kase.interventions.map((i) => (i.startedOn && !i.endedOn ? { ...i, endedOn: kase.closedOn } : i));
    kase.survey = kase.survey.filter((s) => before(s.answeredOn, kase.closedOn!));
  }
  return { ...base, offered: true, case: kase };
}

const BENEFIT_TITLES = { kontanthjaelp: 'Kontanthjælp', sygedagpenge: 'Sygedagpenge', ressourceforloebsydelse: 'Ressourceforløbsydelse', uddannelseshjaelp: 'Uddannelseshjælp' } as const;
const BENEFIT_BASES = {
  kontanthjaelp: 'Lov om aktiv socialpolitik § 11',
  sygedagpenge: 'Sygedagpengeloven § 7',
  ressourceforloebsydelse: 'Lov om aktiv socialpolitik § 68',
  uddannelseshjaelp: 'Lov om aktiv socialpolitik § 23',
} as const;

function socialRecord(code: 'sel_85' | 'sel_101' | 'sundhedsloven_141', start: LocalDate): DemoSectorRecord {
  const record = {
    sel_85: { sector: 'adult_social', title: 'Socialpædagogisk støtte', legalBasis: 'Serviceloven § 85' },
    sel_101: { sector: 'adult_social', title: 'Social stofmisbrugsbehandling', legalBasis: 'Serviceloven § 101' },
    sundhedsloven_141: { sector: 'adult_social', title: 'Alkoholbehandling (ambulant)', legalBasis: 'Sundhedsloven § 141' },
  }[code];
  return { kind: 'intervention', sector: record.sector as Sector, code, title: record.title, legalBasis: record.legalBasis, start, sourceSystem: 'Voksensocial (fagsystem)' };
}

function contactsBefore(rnd: ReturnType<typeof random>): HistoryCase['contactsBefore'] {
  const count = rnd.int(5, 11);
  const roles = rnd.shuffled(BEFORE).slice(0, count);
  return roles.map((r) => ({ ...r, name: `${rnd.pick([...WOMEN, ...MEN])} ${rnd.pick(SURNAMES)}` }));
}

function executing(rnd: ReturnType<typeof random>): HistoryCase['executing'] {
  const staff: HistoryCase['executing'] = [{ name: `${rnd.pick(WOMEN)} ${rnd.pick(SURNAMES)}`, role: 'Støtteperson (mentor og § 85)', sector: 'adult_social', organisation: 'Voksen- og Socialafdelingen', authority: false }];
  if (rnd.chance(0.6)) staff.push({ name: `${rnd.pick(MEN)} ${rnd.pick(SURNAMES)}`, role: 'Ydelsessagsbehandler', sector: 'benefits', organisation: 'Ydelsescentret', authority: true });
  if (rnd.chance(0.3)) staff.push({ name: `${rnd.pick(WOMEN)} ${rnd.pick(SURNAMES)}`, role: 'Behandler', sector: 'health', organisation: 'Rusmiddelcenter Demoby', authority: true });
  return staff;
}

function interventions(grantedOn: LocalDate, today: LocalDate, rnd: ReturnType<typeof random>): HistoryIntervention[] {
  const kinds = rnd.shuffled(INTERVENTION_KINDS).slice(0, rnd.int(2, 3));
  return kinds.map((catalogueKind) => {
    const plannedStart = addDays(grantedOn, rnd.int(5, 28));
    const old = daysBetween(plannedStart, today) > 90;
    const roll = rnd.next();
    let startedOn: LocalDate | null = null;
    if (before(plannedStart, today)) {
      if (roll < 0.72) startedOn = addDays(plannedStart, -rnd.int(0, 2));
      else if (roll < (old ? 0.97 : 0.88)) startedOn = orNull(addDays(plannedStart, rnd.int(4, 35)), today);
    }
    return { catalogueKind, plannedStart, startedOn, endedOn: null };
  });
}

function complaint(decisionOn: LocalDate, today: LocalDate, rnd: ReturnType<typeof random>): HistoryComplaint | null {
  const late = rnd.chance(0.08);
  const receivedOn = orNull(addDays(decisionOn, late ? rnd.int(33, 45) : rnd.int(5, 26)), today);
  if (!receivedOn) return null;
  if (late) return { receivedOn, outcome: 'refused_late', reassessedOn: null, appeal: null };
  const reassessedOn = orNull(addDays(receivedOn, rnd.int(10, 26)), today);
  if (!reassessedOn) return { receivedOn, outcome: 'pending', reassessedOn: null, appeal: null };
  if (rnd.chance(0.38)) return { receivedOn, outcome: 'change', reassessedOn, appeal: null };
  const appealOn = orNull(addDays(reassessedOn, rnd.int(45, 120)), today);
  const roll = rnd.next();
  const result = roll < 0.55 ? 'stadfaestet' : roll < 0.72 ? 'hjemvist' : roll < 0.88 ? 'aendret' : 'ophaevet';
  return { receivedOn, outcome: 'uphold', reassessedOn, appeal: appealOn ? { result, on: appealOn } : null };
}

/** Once a quarter after the consent, most of the time; answers grow a little more positive over the months. */
function survey(consentOn: LocalDate, today: LocalDate, rnd: ReturnType<typeof random>): HistoryCase['survey'] {
  const answers: HistoryCase['survey'] = [];
  for (let day = addDays(consentOn, rnd.int(20, 60)); before(day, today); day = addMonths(day, 3)) {
    if (!rnd.chance(0.7)) continue;
    const lift = Math.min(1, Math.max(0, daysBetween(addMonths(today, -HISTORY_MONTHS), day) / (HISTORY_MONTHS * 30)));
    const roll = rnd.next() - 0.2 * lift;
    const answer: SurveyAnswer = roll < 0.25 ? 'yes_high' : roll < 0.58 ? 'yes_some' : roll < 0.8 ? 'no_little' : roll < 0.92 ? 'no_not_at_all' : 'dont_know';
    answers.push({ answeredOn: day, answer });
  }
  return answers;
}
