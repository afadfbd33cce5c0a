/** Organisation: the settings the municipality edits itself — authority limits, the forum's budget and calendar rules (administrators; leaders read). */
import { AuthorityLimitsSection } from '../components/organisation/AuthorityLimitsSection';
import { ConflictRulesSection } from '../components/organisation/ConflictRulesSection';
import { ForumBudgetSection } from '../components/organisation/ForumBudgetSection';
import { usePageTitle } from '../usePageTitle';

export default function OrganisationPage({ roles }: { roles: string[] }) {
  usePageTitle('Organisation');
  const canManage = roles.includes('administrator');
  return (
    <>
      <h1 tabIndex={-1}>Organisation</h1>
      {!canManage && <p>Du kan se kommunens indstillinger. Kun en administrator kan ændre dem.</p>}
      <AuthorityLimitsSection canManage={canManage} />
      <ForumBudgetSection canManage={canManage} />
      <ConflictRulesSection canManage={canManage} />
    </>
  );
}
