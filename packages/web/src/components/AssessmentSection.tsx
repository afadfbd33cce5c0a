/** The way into the one assessment (udredning): it has its own page, since it spans every life domain. */
import { Link } from '../router';
import type { CaseSectionProps } from './case-section';
import { Section } from './Section';

export const assessmentPageHref = (caseId: string) => `/sager/${encodeURIComponent(caseId)}/udredning`;

export function AssessmentSection({ id, kase }: CaseSectionProps) {
  return (
    <Section id={id} title="Udredning">
      <p>
        Én udredning af borgerens hele livssituation: borgerens egne mål og ønsker, ressourcer og barrierer i hvert livsområde (Fælles Faglige Begreber). Det, fagsystemerne
        allerede ved, står klar til at blive bekræftet, så borgeren ikke skal fortælle det igen.
      </p>
      <p className="item-meta">Indsatser kan godt begynde, mens udredningen er i gang.</p>
      <Link className="button button-secondary" href={assessmentPageHref(kase.id)}>
        Åbn udredningen
      </Link>
    </Section>
  );
}
