/** "Find borger": search by CPR number (in the request body, never in the address). */
import { CitizenSearch } from '../components/CitizenSearch';
import { usePageTitle } from '../usePageTitle';

export function SearchPage() {
  usePageTitle('Find borger');
  return (
    <>
      <h1 tabIndex={-1}>Find borger</h1>
      <CitizenSearch />
    </>
  );
}
