import { APPEAL_RESULT_LABELS, type AppealResult } from '../decisions/labels.da';
import type { ConsentOutcome } from './consent-rate';
import type { ComplaintFigures } from './complaints';
import type { StartFigures } from './start-timeliness';

/** Danish words of the indicators (page, CSV files). */
export const CONSENT_OUTCOME_LABELS: Record<ConsentOutcome, string> = {
  given: 'Gav samtykke',
  withdrawn: 'Gav samtykke, men trak det tilbage',
  declined: 'Sagde nej',
  awaiting: 'Har ikke svaret endnu',
};

export const START_LABELS: Record<Exclude<keyof StartFigures, 'due'>, string> = {
  onTime: 'Startede til tiden',
  late: 'Startede for sent',
  notStarted: 'Ikke startet',
};

export const COMPLAINT_OUTCOME_LABELS: Record<Exclude<keyof ComplaintFigures, 'received' | 'appeal'>, string> = {
  changedByMunicipality: 'Ændret af kommunen',
  upheldAndForwarded: 'Fastholdt og sendt til Ankestyrelsen',
  awaitingReassessment: 'Venter på kommunens genvurdering',
  refusedLate: 'Afvist, klaget for sent',
};

export const APPEAL_OUTCOME_LABELS: Record<AppealResult | 'awaiting', string> = { ...APPEAL_RESULT_LABELS, awaiting: 'Venter på afgørelsen' };

export const INDICATOR_TITLES = {
  phaseIn: 'Indfasning af skal-gruppen',
  consent: 'Samtykke',
  contacts: 'Kontaktpersoner pr. borger',
  timeToPlan: 'Tid fra samtykke til første plan',
  timeToDecision: 'Tid fra samtykke til første samlede afgørelse',
  notStarted: 'Aftalte indsatser, der ikke er startet',
  complaints: 'Klager og deres udfald',
  employment: 'Beskæftigelse år for år',
  survey: 'Oplever borgerne et sammenhængende forløb?',
} as const;
export type IndicatorKey = keyof typeof INDICATOR_TITLES;
