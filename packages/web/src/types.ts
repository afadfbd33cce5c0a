/** Shapes of the API's responses, taken from the Zod schemas in @helhed/core (types only). */
import type { api } from '@helhed/core';

type Out<T extends { _output: unknown }> = T['_output'];

export type Me = {
  kind: 'employee' | 'citizen';
  id: string;
  name: string;
  municipalityId: string;
  municipalityName: string;
  roles: string[];
};

export type DevUsers = {
  employees: { username: string; name: string; title: string; roles: string[]; municipalityCode: string }[];
  citizens: { id: string; name: string; municipalityCode: string }[];
};

export type HolisticCase = Out<typeof api.HolisticCase>;
export type Caseload = Out<typeof api.Caseload>;
export type CaseloadItem = Caseload['items'][number];
export type Task = Out<typeof api.Task>;
export type ContactList = Out<typeof api.ContactList>;
export type Contact = Out<typeof api.Contact>;
export type CaseEvent = Out<typeof api.CaseEvent>;
export type Intervention = Out<typeof api.Intervention>;
export type Citizen = Out<typeof api.Citizen>;
export type CitizenSearchResult = Out<typeof api.CitizenSearchResult>;
export type ConsentOverview = Out<typeof api.ConsentOverview>;
export type CurrentConsent = ConsentOverview['current'][number];
export type ConsentEntry = Out<typeof api.ConsentEntry>;
export type RecordConsentBody = Out<typeof api.RecordConsentBody>;
export type RecordConsentResult = Out<typeof api.RecordConsentResult>;
export type LookupList = Out<typeof api.LookupList>;
export type Items<T> = { items: T[] };
export type QueueItem = Out<typeof api.QueueItem>;
export type ScreeningResult = Out<typeof api.ScreeningResult>;
export type CurrentTargetGroup = Out<typeof api.CurrentTargetGroup>;
export type CriterionResult = CurrentTargetGroup['gates'][number];
export type SectorRecord = Out<typeof api.SectorRecord>;
export type AssessmentBody = Out<typeof api.AssessmentBody>;
export type Assessment = Out<typeof api.Assessment>;
export type PhaseIn = Out<typeof api.PhaseIn>;
export type GroupProgress = PhaseIn['mandatory'];
export type ScreeningRun = Out<typeof api.ScreeningRun>;
export type StartScreeningBody = Out<typeof api.StartScreeningBody>;
export type ImportSummary = Out<typeof api.ImportSummary>;
export type ScreeningHistory = Out<typeof api.ScreeningHistory>;
export type LatestAssessment = NonNullable<ScreeningHistory['latestAssessment']>;
export type OpenCaseBody = Out<typeof api.OpenCaseBody>;
export type Organisation = Out<typeof api.Organisation>;
