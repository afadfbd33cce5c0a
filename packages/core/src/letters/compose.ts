/**
 * The words of a decision letter: `composeDecisionLetter` turns a
 * `DecisionLetter` (data) into the letter's Danish text as a list of blocks
 * (headings, paragraphs, lists, notices). Pure, so the wording is tested
 * without a PDF; the server's renderer only lays the blocks out and tags
 * them (H1/H2/H3, P, L/LI) for screen readers.
 *
 * Plain language: short sentences, "du" and "vi", the deadline written out
 * with its weekday, what cannot be appealed said where it is and why.
 */
import type { DecisionLetter, DecisionLetterElement } from './decision-letter';
import { danishDate, danishDateWithWeekday } from './danish-date';
import { LETTER_SECTOR_LABELS } from './labels.da';

export type LetterBlock =
  | { kind: 'heading'; level: 2 | 3; text: string }
  /** `label` is printed in bold before the text, e.g. 'Lovgrundlag:'. */
  | { kind: 'paragraph'; text: string; label?: string; tone?: 'normal' | 'small' }
  | { kind: 'list'; items: string[]; tone?: 'quote' }
  /** Set apart on the page (a bar in the margin): the deadline, what cannot be appealed, the health route. */
  | { kind: 'notice'; text: string; label?: string; tone: 'deadline' | 'not_appealable' | 'health' };

export interface LetterContent {
  /** The PDF's title metadata and the MeMo label. */
  documentTitle: string;
  sender: { name: string; lines: string[] };
  recipientLines: string[];
  /** Printed at the top right, e.g. 'Dato: 23. november 2026'. */
  dateLine: string;
  referenceLines: string[];
  title: string;
  blocks: LetterBlock[];
  /** Small print at the end: the rule set and the letter's id. */
  closingLines: string[];
}

export function legalBasisText(element: Pick<DecisionLetterElement, 'legalBasis'>): string {
  return [element.legalBasis.law, element.legalBasis.section].filter((part) => part.length > 0).join(' ');
}

/** Quote the citizen's own words with Danish quotation marks, as written. */
function quoted(text: string): string {
  return `„${text}“`;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
}

function joinDanish(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

export function composeDecisionLetter(letter: DecisionLetter): LetterContent {
  const g = letter.complaintGuidance;
  const blocks: LetterBlock[] = [];
  const sectorLabel = letter.scope === 'sector' && letter.sector ? LETTER_SECTOR_LABELS[letter.sector] : null;

  blocks.push({ kind: 'paragraph', text: `Kære ${letter.recipient.name}` });
  blocks.push({
    kind: 'paragraph',
    text:
      sectorLabel === null
        ? 'Vi har truffet en samlet afgørelse om den hjælp, du får i din helhedsorienterede indsats. Her kan du læse, hvad du får, hvorfor, og hvilke regler afgørelsen bygger på. Til sidst står der, hvordan du klager, hvis du er uenig.'
        : `Vi har truffet afgørelse om den hjælp, du får inden for ${sectorLabel}. Her kan du læse, hvad du får, hvorfor, og hvilke regler afgørelsen bygger på. Til sidst står der, hvordan du klager, hvis du er uenig.`,
  });

  blocks.push({ kind: 'heading', level: 2, text: 'Kort fortalt' });
  blocks.push({ kind: 'list', items: letter.elements.map((e) => `${e.title} (${legalBasisText(e)})`) });

  if (letter.citizenGoals.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Dine mål – med dine egne ord' });
    blocks.push({ kind: 'paragraph', text: 'Sådan har du selv beskrevet, hvad du vil nå. Indsatsen skal hjælpe dig med det.' });
    blocks.push({ kind: 'list', items: letter.citizenGoals.map(quoted), tone: 'quote' });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Derfor har vi besluttet det' });
  for (const text of paragraphs(letter.overallReasoning)) blocks.push({ kind: 'paragraph', text });

  blocks.push({ kind: 'heading', level: 2, text: letter.elements.length === 1 ? 'Det har vi besluttet' : 'Det har vi besluttet – punkt for punkt' });
  letter.elements.forEach((element, index) => {
    blocks.push({ kind: 'heading', level: 3, text: `${index + 1}. ${element.title}` });
    for (const [i, text] of paragraphs(element.reasoning).entries()) {
      blocks.push(i === 0 ? { kind: 'paragraph', label: 'Begrundelse:', text } : { kind: 'paragraph', text });
    }
    blocks.push({ kind: 'paragraph', label: 'Lovgrundlag:', text: legalBasisText(element) });
    if (!element.appealable) {
      blocks.push({
        kind: 'notice',
        tone: 'not_appealable',
        label: 'Kan ikke påklages.',
        text: element.nonAppealableReason ?? '',
      });
    } else if (element.complaintRoute === 'health') {
      blocks.push({
        kind: 'notice',
        tone: 'health',
        label: 'Klage på sundhedsområdet.',
        text: 'Klager over dette punkt går ad sundhedsområdets egen klagevej. Se under „Sådan klager du“.',
      });
    }
  });

  if (letter.benefitsNote) {
    blocks.push({ kind: 'heading', level: 2, text: 'Om din forsørgelse' });
    blocks.push({ kind: 'paragraph', text: letter.benefitsNote });
  }

  const deadline = danishDateWithWeekday(g.deadline);
  const notAppealable = letter.elements.filter((e) => !e.appealable);
  const health = letter.elements.filter((e) => e.appealable && e.complaintRoute === 'health');
  const toAppealsBody = letter.elements.filter((e) => e.appealable && e.complaintRoute === 'ankestyrelsen');

  blocks.push({ kind: 'heading', level: 2, text: 'Sådan klager du' });
  if (toAppealsBody.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'Hvis du er uenig i afgørelsen, kan du klage. Du kan klage over hele afgørelsen eller over de enkelte punkter, du er uenig i. Det koster ikke noget at klage.',
    });
    blocks.push({ kind: 'notice', tone: 'deadline', label: 'Klagefrist:', text: `Vi skal have din klage senest ${deadline}.` });
    const online = g.complaintUrl ? ` Du kan også klage på ${g.complaintUrl}.` : '';
    blocks.push({
      kind: 'paragraph',
      text: `Send din klage til ${g.complainTo}. Du kan skrive til os, for eksempel med Digital Post, eller ringe til os på ${letter.municipality.phone}.${online} Skriv gerne, hvilke punkter du er uenig i, og hvorfor.`,
    });
    blocks.push({
      kind: 'paragraph',
      text: `Når vi har fået din klage, ser vi på afgørelsen igen. Det kaldes en genvurdering, og vi gør det inden for ${g.reassessmentWeeks} uger. Giver vi dig ret, får du en ny afgørelse. Fastholder vi afgørelsen helt eller delvist, sender vi din klage og sagens papirer videre til ${g.appealsBody}, og du får besked om det.`,
    });
  } else if (health.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'Du kan ikke klage over denne afgørelse. Grunden står ved hvert punkt ovenfor.' });
  }
  if (notAppealable.length > 0 && notAppealable.length < letter.elements.length) {
    blocks.push({
      kind: 'paragraph',
      text: `Du kan ikke klage over ${joinDanish(notAppealable.map((e) => quoted(e.title)))}. Grunden står ved punktet ovenfor.`,
    });
  }
  if (health.length > 0 && g.healthRoute) {
    blocks.push({ kind: 'heading', level: 3, text: 'Klager over sundhedsydelser' });
    blocks.push({
      kind: 'notice',
      tone: 'health',
      label: 'Sundhedsområdet:',
      text: `Klager over ${joinDanish(health.map((e) => quoted(e.title)))} behandles ikke af ${g.appealsBody}. Her gælder sundhedsområdets egne regler, og du kan klage til ${g.healthRoute.replace(/\.\s*$/, '')}.`,
    });
  }

  const c = letter.coordinatingContact;
  blocks.push({ kind: 'heading', level: 2, text: 'Har du spørgsmål?' });
  blocks.push({
    kind: 'paragraph',
    text: `Du er altid velkommen til at kontakte mig. Jeg er din koordinerende sagsbehandler og har overblikket over hele din indsats.`,
  });
  blocks.push({ kind: 'list', items: [`${c.name}, ${c.title}`, `Telefon: ${c.phone}`, `E-mail: ${c.email}`] });
  blocks.push({ kind: 'paragraph', text: `Venlig hilsen\n${c.name}\n${letter.municipality.name}` });

  const m = letter.municipality;
  return {
    documentTitle: `${letter.title} – ${m.name}, ${danishDate(letter.decisionDate)}`,
    sender: { name: m.name, lines: [...m.addressLines, `Telefon ${m.phone}`, m.web, `CVR ${m.cvr}`] },
    recipientLines: [letter.recipient.name, ...letter.recipient.addressLines],
    dateLine: `Dato: ${danishDate(letter.decisionDate)}`,
    referenceLines: [`Sag: ${letter.caseId.slice(0, 8)}`, `Afgørelse: ${letter.decisionId.slice(0, 8)}`],
    title: letter.title,
    blocks,
    closingLines: [
      sectorLabel === null ? `Afgørelsen er truffet efter: ${letter.ruleSet.label}.` : `Afgørelsen er truffet efter reglerne for ${sectorLabel} (${letter.ruleSet.label}).`,
      `Brevets id: ${letter.letterId}`,
    ],
  };
}
