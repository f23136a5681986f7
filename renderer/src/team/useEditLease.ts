import { useEffect, useState } from 'react';
import type { EditLeases } from '../../../domain/api/contract';
import type { ApiClient } from '../api';

/** The server lets a lease run 90 s; renewing every 15 s keeps it alive through a missed renewal or two and shows others soon. */
export const LEASE_RENEW_MS = 15_000;

/**
 * lease9: "being edited by …". While a conference page is open for editing this member holds a
 * lease on it ('hold'), renewed on a timer and released when the page goes (another screen, or the
 * window closing); a read-only page only asks ('look'). Answers the others in the conference now.
 * Advice only: a failed renewal is ignored (saves are guarded by the revision, not the lease).
 */
export function useEditLease(client: ApiClient, id: string, mode: 'hold' | 'look' | 'off'): EditLeases['others'] {
  const [others, setOthers] = useState<EditLeases['others']>([]);
  useEffect(() => {
    if (mode === 'off') return undefined;
    let active = true;
    const ask = () => {
      client['conferences.editLease']({ id, action: mode })
        .then((answer) => active && setOthers(answer.others))
        .catch(() => undefined);
    };
    ask();
    const timer = setInterval(ask, LEASE_RENEW_MS);
    // Closing or reloading the window: the release goes as a request that outlives the page
    // (api.ts, OUTLIVES_THE_PAGE), rather than leaving the banner up for others until it runs out.
    const release = () => {
      if (mode === 'hold') client['conferences.editLease']({ id, action: 'release' }).catch(() => undefined);
    };
    const onPageHide = release;
    window.addEventListener('pagehide', onPageHide);
    return () => {
      active = false;
      clearInterval(timer);
      window.removeEventListener('pagehide', onPageHide);
      release();
    };
  }, [client, id, mode]);
  return others;
}
