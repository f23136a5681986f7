import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api';
import { setTeamConnection, useTeamConnection } from './connection-state';
import './team-connection.css';

/** Often enough that the banner follows the server within a few seconds; the question never reaches the server. */
const POLL_MS = 2_000;
/** How long "Back online" stays before the banner goes. */
const BACK_ONLINE_MS = 30_000;

function changesText(count: number): string {
  return count === 1 ? '1 change waiting.' : `${count} changes waiting.`;
}

/**
 * On every screen while the team server cannot be reached: one calm status (not an alert each
 * time), saying what happens to the chair's typing, then once everything has been sent, that it
 * has. On a local store the answer is always "online" and nothing is shown.
 */
export function TeamConnectionBanner({ client }: { client: ApiClient }) {
  const connection = useTeamConnection();
  const [backOnline, setBackOnline] = useState(false);
  const wasAway = useRef(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let backTimer: ReturnType<typeof setTimeout> | null = null;
    const poll = async () => {
      try {
        const next = await client['team.serverState']({});
        if (stopped) return;
        setTeamConnection(next);
        const away = next.state === 'away' || next.waiting > 0;
        // "Back online" once, when everything kept has gone, for a while.
        if (away) setBackOnline(false);
        else if (wasAway.current) {
          setBackOnline(true);
          if (backTimer) clearTimeout(backTimer);
          backTimer = setTimeout(() => setBackOnline(false), BACK_ONLINE_MS);
        }
        wasAway.current = away;
      } catch {
        // The app itself not answering is said by the save status; keep the last answer.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (backTimer) clearTimeout(backTimer);
    };
  }, [client]);

  const away = connection.state === 'away' || connection.waiting > 0;

  // The live region stays in the page so a change of text is announced; only its content changes.
  return (
    <div className="team-connection" role="status" aria-live="polite">
      {away && (
        <div className="team-connection__panel team-connection__panel--away">
          <p className="team-connection__body">
            <strong>The team server cannot be reached.</strong> Your changes are being kept, encrypted, on this computer and will be sent when it is back.{' '}
            {changesText(connection.waiting)}
          </p>
          <p className="team-connection__body">Signing, approving and other work that needs the server will say so and can be done once it is back.</p>
        </div>
      )}
      {!away && backOnline && (
        <div className="team-connection__panel team-connection__panel--back">
          <p className="team-connection__title">Back online: all changes sent to the team server.</p>
        </div>
      )}
      {connection.kept > 0 && (
        <div className="team-connection__panel team-connection__panel--kept">
          <p className="team-connection__body">
            {connection.kept === 1 ? 'One conference' : `${connection.kept} conferences`} had been changed by someone else before your kept changes could be sent. Your
            version is kept, encrypted, on this computer and has not been lost: open the conference to see it beside theirs.
          </p>
        </div>
      )}
    </div>
  );
}
