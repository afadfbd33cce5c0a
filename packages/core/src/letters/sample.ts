import type { DecisionLetter } from './decision-letter';

/**
 * A combined decision for a Lotte-like citizen (seed 000, "Hverdagen for
 * Lotte"; SPEC §6) in the demo municipality: six elements across four
 * sectors, one health element, one element that cannot be appealed. Used by
 * tests, the letter benchmark and previews; the decision side builds real
 * letters from its decisions. Ids are fixed so output is reproducible.
 *
 * Decision Tuesday 7 April 2026 by Digital Post (received the same day),
 * 4 weeks → Tuesday 5 May 2026, a working day.
 */
export function sampleDecisionLetter(overrides: Partial<DecisionLetter> = {}): DecisionLetter {
  return {
    letterId: '6f1d8c2e-4b7a-4c1e-9d3f-0a5b7c9e1f20',
    municipality: {
      name: 'Helhed Demokommune',
      cvr: '99999999',
      addressLines: ['Center for Helhedsorienteret Indsats', 'Rådhuspladsen 1', '9999 Demoby'],
      phone: '+45 99 99 99 99',
      web: 'www.helhed-demokommune.example',
    },
    recipient: {
      citizenId: '00000000-0000-4000-8000-000000000001',
      name: 'Lotte Frederiksen',
      cpr: '120591-1002',
      addressLines: ['Kastanjevej 14, 1. th.', '9999 Demoby'],
    },
    caseId: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5',
    decisionId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    decisionDate: '2026-04-07',
    title: 'Afgørelse om din helhedsorienterede indsats',
    ruleSet: { id: 'hovedlov-2022', label: 'Lov om en helhedsorienteret indsats (lokalt forsøg efter aftalen af 7. juni 2022)' },
    scope: 'combined',
    citizenGoals: [
      'Jeg vil have styr på min økonomi, så jeg ikke er bange for at åbne mine breve.',
      'Jeg vil i arbejde igen – gerne i et køkken, hvor jeg kan bruge det, jeg kan.',
      'Mine børn skal have en mor, der har overskud om eftermiddagen.',
    ],
    overallReasoning:
      'Du har i mange år haft kontakt med mange forskellige medarbejdere fra kommunen og regionen. Du har fortalt os, at det har været svært at finde rundt i, og at møderne tit lå samme dag.\n\nVi vurderer, at du har brug for en samlet indsats, hvor én koordinerende sagsbehandler har overblikket, og hvor hjælpen hænger sammen. Vi har lagt vægt på dine egne mål, på din ryg og dit helbred, og på at dine børn også får den hjælp, de har brug for.',
    elements: [
      {
        title: 'Individuel støtte: socialpædagogisk støtte, 3 timer om ugen',
        sector: 'adult_social',
        legalBasis: { law: 'Serviceloven', section: '§ 85' },
        reasoning: 'Du har brug for hjælp til at få overblik over din økonomi og struktur i hverdagen. Støtten fortsætter den hjælp, du har fået siden september 2024, og bliver nu en del af din samlede plan.',
        appealable: true,
        complaintRoute: 'ankestyrelsen',
      },
      {
        title: 'Mentor, 2 timer om ugen',
        sector: 'employment',
        legalBasis: { law: 'Lov om en aktiv beskæftigelsesindsats', section: '§ 167' },
        reasoning: 'En mentor kan hjælpe dig med at holde fast i forløbet hos Jobvejen og med at komme ud af døren de dage, hvor ryggen og humøret driller.',
        appealable: true,
        complaintRoute: 'ankestyrelsen',
      },
      {
        title: 'Jobrettet forløb hos Jobvejen ApS (køkken og kantine), 12 uger',
        sector: 'employment',
        legalBasis: { law: 'Lov om en aktiv beskæftigelsesindsats', section: '§ 91' },
        reasoning: 'Du vil gerne arbejde i et køkken igen. Forløbet giver dig mulighed for at prøve det i et tempo, din ryg kan holde til.',
        appealable: true,
        complaintRoute: 'ankestyrelsen',
      },
      {
        title: 'Familiebehandling for dig og dine børn',
        sector: 'children_family',
        legalBasis: { law: 'Barnets lov', section: '§ 32, stk. 1, nr. 2' },
        reasoning: 'Familiebehandlingen skal give jer bedre eftermiddage sammen. Vi flytter den, så den ikke ligger samme dag som din samtale hos psykologen.',
        appealable: true,
        complaintRoute: 'ankestyrelsen',
      },
      {
        title: 'Alkoholbehandling: opfølgende samtaler i Rusmiddelcenter Demoby',
        sector: 'health',
        legalBasis: { law: 'Sundhedsloven', section: '§ 141' },
        reasoning: 'Du har selv bedt om at få nogle samtaler igen, så du kan holde fast i det, du har opnået.',
        appealable: true,
        complaintRoute: 'health',
      },
      {
        title: 'Du er i målgruppen for en helhedsorienteret indsats',
        sector: 'main_law',
        legalBasis: { law: 'Lov om en helhedsorienteret indsats', section: '(bestemmelsen om målgruppen)' },
        reasoning: 'Du får kontanthjælp, har en plan i jobcentret og får socialpædagogisk støtte. Vi vurderer, at du har brug for koordinering og kan komme videre mod job og et liv, du selv mestrer.',
        appealable: false,
        complaintRoute: 'none',
        nonAppealableReason: 'Vurderingen af, om du er i målgruppen, er en del af sagsbehandlingen og ikke en selvstændig afgørelse. Du kan klage over den hjælp, du får.',
      },
    ],
    benefitsNote:
      'Din kontanthjælp er ikke en del af denne afgørelse. Den bliver afgjort for sig efter reglerne om beskæftigelse og forsørgelse, og du får et særskilt brev, hvis der sker ændringer.',
    complaintGuidance: {
      deadline: '2026-05-05',
      complainTo: 'Helhed Demokommune, Center for Helhedsorienteret Indsats',
      reassessmentWeeks: 4,
      appealsBody: 'Ankestyrelsen',
      healthRoute: 'Styrelsen for Patientklager (stpk.dk). Du kan også få hjælp af en patientvejleder i regionen.',
      complaintUrl: 'https://helhed-demokommune.example/min-plan/klage',
    },
    coordinatingContact: {
      name: 'Mette Kjærgaard',
      title: 'Koordinerende sagsbehandler (socialrådgiver)',
      phone: '+45 99 99 12 34',
      email: 'mette.kjaergaard@helhed-demokommune.example',
    },
    channel: 'digital_post',
    ...overrides,
  };
}
