import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../components/usePageTitle';
import { routeHref } from '../session/routes';
import { useSession } from '../session/SessionContext';
import { roleLabel } from './roles';

/** lease9: a screen reached by its address that this member's role does not include (the team's database would refuse it). */
export function NotForYourRole({ what }: { what: string }) {
  const { member } = useSession();
  usePageTitle('Not part of your role');
  return (
    <>
      <a className="back-link" href={routeHref({ name: 'list' })}>
        Back to conferences
      </a>
      <PageHeading>Not part of your role</PageHeading>
      <p className="body">
        You are signed in as {member.role ? `a ${roleLabel(member.role).toLowerCase()}` : 'a member without a role yet'}, and your role in the team does not include the right to {what}. Ask
        a chair, or your team admin if your role should change.
      </p>
    </>
  );
}
