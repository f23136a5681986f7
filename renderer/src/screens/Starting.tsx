import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../components/usePageTitle';

export function Starting() {
  usePageTitle('Starting');
  return (
    <>
      <PageHeading>Conference Recorder</PageHeading>
      <p className="body" role="status">
        Opening…
      </p>
    </>
  );
}

export function StartProblem({ message }: { message: string }) {
  usePageTitle('The app could not start');
  return (
    <>
      <PageHeading>The app could not start</PageHeading>
      <p className="body">{message}</p>
      <p className="body">Close this window and start the app again. If it keeps happening, contact your IT service desk.</p>
    </>
  );
}
