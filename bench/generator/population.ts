/**
 * People and households: age pyramid, household composition, names and
 * addresses. All synthetic; the town "9999 Demoby" does not exist (as in the
 * demo municipality), and names are drawn from short lists of common Danish
 * names.
 *
 * Sources and assumptions (rounded, Statistics Denmark, FOLK1A 1 Jan 2025 and
 * the household/family statistics FAM44N/BRN — figures approximate):
 * - Population ≈ 5.96 million: 0–17 ≈ 19.8 %, 18–66 ≈ 62 %, 67+ ≈ 18 %.
 *   The adult age weights below are thousands of persons per band.
 * - About 55–60 % of adults live in couples; couples are mostly 30–75.
 * - About a fifth of families with children are single-parent families,
 *   most with a mother; mean age at first birth ≈ 30; 1.7 children per family.
 * The composition probabilities are calibrated so the generated pyramid lands
 * on those shares (bench/generator/self-check.ts prints them).
 */
import { Rng, Weighted } from './prng';

// ---------------------------------------------------------------------------
// Age pyramid
// ---------------------------------------------------------------------------

/** [first age, last age, thousands of persons] for adults (DK 2025, rounded). */
const ADULT_BANDS: ReadonlyArray<readonly [number, number, number]> = [
  [18, 19, 145], [20, 24, 380], [25, 29, 390], [30, 34, 370], [35, 39, 350],
  [40, 44, 340], [45, 49, 370], [50, 54, 400], [55, 59, 410], [60, 64, 370],
  [65, 66, 130], [67, 69, 190], [70, 74, 300], [75, 79, 280], [80, 84, 180],
  [85, 89, 85], [90, 94, 35], [95, 100, 10],
];

/** Probability that a household with a head of this age is a couple. */
export function partnerProbability(age: number): number {
  if (age < 20) return 0.08;
  if (age < 25) return 0.25;
  if (age < 30) return 0.55;
  if (age < 40) return 0.72;
  if (age < 60) return 0.72;
  if (age < 75) return 0.66;
  if (age < 85) return 0.45;
  return 0.2;
}

/**
 * Probability that a household with a head of this age has children under 18
 * (couples; single households use a lower figure).
 */
export function childrenProbability(age: number, couple: boolean): number {
  const p =
    age < 20 ? 0.02 :
    age < 25 ? 0.1 :
    age < 30 ? 0.34 :
    age < 35 ? 0.68 :
    age < 40 ? 0.84 :
    age < 45 ? 0.84 :
    age < 50 ? 0.7 :
    age < 55 ? 0.38 :
    age < 60 ? 0.12 :
    age < 65 ? 0.03 : 0;
  return Math.min(0.95, couple ? p * 1.1 : p * 0.35);
}

/** Head-of-household ages: the adult pyramid divided by the adults a household at that age holds. */
const HEAD_AGE = new Weighted<number>(
  ADULT_BANDS.flatMap(([from, to, thousands]) => {
    const out: [number, number][] = [];
    for (let age = from; age <= to; age++) {
      out.push([age, thousands / (to - from + 1) / (1 + partnerProbability(age))]);
    }
    return out;
  }),
);

const CHILD_COUNT = new Weighted<number>([[1, 0.42], [2, 0.42], [3, 0.13], [4, 0.03]]);
/** the mother's age at the youngest child's birth (peaks 30–34) */
const AGE_AT_BIRTH = new Weighted<number>(
  [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43].map(
    (age) => [age, age < 25 ? 1 + (age - 20) : age < 30 ? 6 + (age - 25) * 2 : age <= 34 ? 16 : Math.max(1, 16 - (age - 34) * 2)] as [number, number],
  ),
);

export type Sex = 'female' | 'male';

export interface PersonDraft {
  age: number;
  sex: Sex;
}

export interface HouseholdDraft {
  head: PersonDraft;
  partner: PersonDraft | null;
  /** ordered youngest first */
  children: PersonDraft[];
}

export function drawHousehold(rng: Rng): HouseholdDraft {
  const headAge = HEAD_AGE.pick(rng);
  const couple = rng.chance(partnerProbability(headAge));
  const headSex: Sex = rng.chance(couple ? 0.5 : headAge >= 75 ? 0.35 : 0.5) ? 'male' : 'female';
  let partner: PersonDraft | null = null;
  if (couple) {
    // men are on average ~2 years older than their female partner
    const delta = Math.round(rng.normal(headSex === 'male' ? -2 : 2, 3));
    const partnerAge = Math.min(100, Math.max(18, headAge + delta));
    const partnerSex: Sex = rng.chance(0.985) ? (headSex === 'male' ? 'female' : 'male') : headSex;
    partner = { age: partnerAge, sex: partnerSex };
  }
  const children: PersonDraft[] = [];
  if (rng.chance(childrenProbability(headAge, couple))) {
    // single parents are mostly mothers
    const head: PersonDraft = { age: headAge, sex: couple ? headSex : rng.chance(0.8) ? 'female' : 'male' };
    const mother = head.sex === 'female' ? head : partner && partner.sex === 'female' ? partner : head;
    let youngest = -1;
    for (let tries = 0; tries < 12 && (youngest < 0 || youngest > 17); tries++) youngest = mother.age - AGE_AT_BIRTH.pick(rng);
    if (youngest < 0 || youngest > 17) youngest = Math.max(0, Math.min(17, mother.age - 30));
    const count = CHILD_COUNT.pick(rng);
    let age = youngest;
    for (let i = 0; i < count && age <= 17; i++) {
      children.push({ age, sex: rng.chance(0.513) ? 'male' : 'female' });
      age += rng.range(1, 5);
    }
    return { head, partner, children };
  }
  return { head: { age: headAge, sex: headSex }, partner, children };
}

// ---------------------------------------------------------------------------
// Names (common Danish names; first names by birth cohort)
// ---------------------------------------------------------------------------

const FIRST_NAMES: Record<Sex, readonly (readonly string[])[]> = {
  female: [
    // born before 1965
    ['Kirsten', 'Hanne', 'Inge', 'Bente', 'Jytte', 'Karen', 'Lis', 'Birthe', 'Grethe', 'Ruth', 'Else', 'Ingrid', 'Aase', 'Lone', 'Susanne', 'Annelise', 'Birgit', 'Vibeke', 'Elisabeth', 'Margit'],
    // 1965–1989
    ['Mette', 'Anne', 'Helle', 'Susanne', 'Lene', 'Marianne', 'Pia', 'Charlotte', 'Tina', 'Gitte', 'Louise', 'Camilla', 'Maria', 'Rikke', 'Heidi', 'Trine', 'Sanne', 'Lotte', 'Dorthe', 'Malene'],
    // 1990 and later
    ['Emma', 'Ida', 'Sofie', 'Freja', 'Clara', 'Laura', 'Alma', 'Ella', 'Anna', 'Mathilde', 'Julie', 'Caroline', 'Signe', 'Cecilie', 'Maja', 'Nanna', 'Isabella', 'Karla', 'Agnes', 'Mille'],
  ],
  male: [
    ['Jens', 'Hans', 'Jørgen', 'Niels', 'Poul', 'Ole', 'Erik', 'Per', 'Bent', 'Preben', 'Finn', 'Flemming', 'Knud', 'Leif', 'Svend', 'Arne', 'Kurt', 'John', 'Bjarne', 'Carsten'],
    ['Peter', 'Michael', 'Lars', 'Henrik', 'Thomas', 'Søren', 'Jan', 'Christian', 'Martin', 'Anders', 'Morten', 'Jesper', 'Kim', 'Brian', 'Rasmus', 'Jacob', 'Jakob', 'Allan', 'René', 'David'],
    ['William', 'Noah', 'Oscar', 'Lucas', 'Carl', 'Victor', 'Malthe', 'Emil', 'Alfred', 'Frederik', 'Oliver', 'Magnus', 'Mikkel', 'Jonas', 'Mads', 'Lukas', 'Elias', 'August', 'Aksel', 'Valdemar'],
  ],
};

const LAST_NAMES = new Weighted<string>(
  [
    'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen',
    'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen',
    'Knudsen', 'Jakobsen', 'Mikkelsen', 'Olesen', 'Frederiksen', 'Laursen', 'Henriksen', 'Lund', 'Schmidt', 'Eriksen',
    'Holm', 'Kristiansen', 'Clausen', 'Simonsen', 'Svendsen', 'Andreasen', 'Iversen', 'Jeppesen', 'Mogensen', 'Jespersen',
    'Nissen', 'Lauridsen', 'Frandsen', 'Østergaard', 'Jepsen', 'Kjær', 'Carlsen', 'Vestergaard', 'Dahl', 'Skov',
    'Søndergaard', 'Bertelsen', 'Bruun', 'Lassen', 'Friis', 'Pallesen', 'Ahmed', 'Ali', 'Hussein', 'Yilmaz',
    'Nguyen', 'Kowalski', 'Novak', 'Khan', 'Mohamed', 'Jovanović', 'Popescu', 'Şahin', 'Abdi', 'Haddad',
  ].map((name, rank) => [name, rank < 56 ? 1 / (rank + 8) : 0.012] as [string, number]),
);

const MIDDLE_NAMES = ['Lund', 'Holm', 'Skov', 'Dahl', 'Friis', 'Bruun', 'Kjær', 'Juul', 'Krogh', 'Bach', 'Vinther', 'Brandt'];

export function drawLastName(rng: Rng): string {
  return LAST_NAMES.pick(rng);
}

/** A full name; `taken` holds the household's first names, so siblings and parents differ. */
export function drawFullName(rng: Rng, sex: Sex, birthYear: number, lastName: string, taken: Set<string>): string {
  const cohort = birthYear < 1965 ? 0 : birthYear < 1990 ? 1 : 2;
  const names = FIRST_NAMES[sex][cohort] as readonly string[];
  let first = rng.pick(names);
  for (let tries = 0; tries < 8 && taken.has(first); tries++) first = rng.pick(names);
  taken.add(first);
  return rng.chance(0.12) ? `${first} ${rng.pick(MIDDLE_NAMES)} ${lastName}` : `${first} ${lastName}`;
}

// ---------------------------------------------------------------------------
// Addresses: unique per household, streets filled building by building
// ---------------------------------------------------------------------------

const STREET_STEMS = [
  'Kastanje', 'Ege', 'Lærke', 'Vibe', 'Ahorn', 'Bøge', 'Birke', 'Gran', 'Linde', 'Elme', 'Rose', 'Eng', 'Mølle', 'Skole',
  'Kirke', 'Stations', 'Skov', 'Mose', 'Tofte', 'Bakke', 'Sol', 'Tulipan', 'Viol', 'Syren', 'Hybe', 'Anemone', 'Fasan',
  'Due', 'Svane', 'Hjorte', 'Rav', 'Ny', 'Gammel', 'Strand', 'Havne', 'Park', 'Have', 'Åge', 'Kløver', 'Hassel',
  'Pile', 'Rønne', 'Tjørne', 'Æble', 'Blomme', 'Kirsebær', 'Hvede', 'Byg', 'Rug', 'Havre', 'Sten', 'Sand', 'Ler', 'Kilde',
];
const STREET_SUFFIXES = ['vej', 'gade', 'allé', 'stræde', 'parken', 'haven'];
const UNITS = ['st. th.', 'st. tv.', '1. th.', '1. tv.', '2. th.', '2. tv.', '3. th.', '3. tv.', '4. th.', '4. tv.', '5. th.', '5. tv.'];
export const TOWN = '9999 Demoby';

interface StreetState {
  name: string;
  number: number;
  unitsLeft: number;
  unit: number;
}

export class AddressBook {
  private readonly streets: StreetState[];

  constructor() {
    this.streets = STREET_STEMS.flatMap((stem) =>
      STREET_SUFFIXES.map((suffix) => ({ name: stem + suffix, number: 0, unitsLeft: 0, unit: 0 })),
    );
  }

  /** A new, unused address. About half of the buildings are houses, the rest blocks of flats. */
  next(rng: Rng): string {
    const street = rng.pick(this.streets);
    if (street.unitsLeft === 0) {
      street.number += 1;
      street.unit = 0;
      street.unitsLeft = rng.chance(0.45) ? 1 : rng.range(4, UNITS.length);
      if (street.unitsLeft === 1) {
        street.unitsLeft = 0;
        return `${street.name} ${street.number}, ${TOWN}`;
      }
    }
    const unit = UNITS[street.unit] as string;
    street.unit += 1;
    street.unitsLeft -= 1;
    return `${street.name} ${street.number}, ${unit}, ${TOWN}`;
  }
}
