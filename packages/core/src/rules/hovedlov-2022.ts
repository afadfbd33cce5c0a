import type { RuleSet } from './types';

/**
 * The main law as the political agreements describe it (11 December 2018 and
 * 7 June 2022). Planned in force 1 July 2023 but not passed as of early 2026,
 * so `effectiveFrom` is null until it is enacted: municipalities can run it as
 * a local trial; on enactment, set the date here.
 */
export const HOVEDLOV_2022: RuleSet = {
  id: 'hovedlov-2022',
  title: 'Lov om en helhedsorienteret indsats for borgere med komplekse problemer (hovedloven)',
  effectiveFrom: null,
  sources: [
    {
      law: 'Aftale om rammerne for en helhedsorienteret indsats for borgere med komplekse problemer (11. december 2018)',
      document: '001-aftale-rammer-helhedsorienteret-indsats-2018.txt',
    },
    { law: 'Aftale om en ny hovedlov (7. juni 2022)', document: '004-nyhedsbrev-hovedlov-2022.txt' },
    { law: 'Sammen med borgeren – en helhedsorienteret indsats (udspil, oktober 2018)', document: '000-sammen-med-borgeren-udspil-2018.txt' },
    {
      law: 'Principper for koordinerende sagsbehandling (regeringen og KL)',
      document: '003-opfoelgning-koordinerende-sagsbehandling-KL.txt',
    },
    {
      law: 'Vejledning om retssikkerhed og administration på det sociale område (retssikkerhedsvejledningen)',
      paragraph: 'samtykkets konkrethed',
      document: 'SPEC.md §5',
    },
  ],
  deadlines: {
    // Seed 001: after a withdrawal the municipality decides under the sector
    // laws "hurtigst muligt uden fornyet ansøgning"; 14 days is the target.
    consentWithdrawalDecisionDays: 14,
    complaintWeeks: 4,
    reassessmentWeeks: 4,
    ordinaryPostReceiptDays: 6,
    digitalPostReceiptDays: 0,
    // Seed 000: return to a paused fleksjob "inden for to år" without a new visitation.
    fleksjobPauseReturnYears: 2,
  },
  combinedDecision: true,
};
