/** "Min plan": the citizen's own page – my contact, my consents, who has seen my data. */
import { seg } from '../api';
import { MyConsentsSection } from '../components/MyConsentsSection';
import { MyContactSection } from '../components/MyContactSection';
import { MyLookupsSection } from '../components/MyLookupsSection';
import { ErrorAlert, Loading } from '../components/Status';
import type { Citizen, Me } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';

export function CitizenPage({ me }: { me: Me }) {
  usePageTitle('Min plan');
  const citizen = useResource<Citizen>(`/api/citizens/${seg(me.id)}`);
  const firstName = me.name.split(' ')[0] ?? me.name;
  return (
    <>
      <h1 tabIndex={-1}>Min plan</h1>
      <p className="lead">
        Hej {firstName}. Her kan du se, hvem der er din kontaktperson i kommunen, hvilke samtykker du har givet, og hvem der har set dine
        oplysninger.
      </p>
      {citizen.loading && !citizen.data && <Loading />}
      <ErrorAlert error={citizen.error} />
      {citizen.data && <MyContactSection caseId={citizen.data.openCaseId} />}
      <MyConsentsSection citizenId={me.id} />
      <MyLookupsSection />
    </>
  );
}
