import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, type SessionInfo, type Settings, type StoreProblem } from '../../domain/api/contract';
import { createClient, errorMessage } from './api';
import { Layout } from './components/Layout';
import { MAIN_HEADING_ID } from './components/PageHeading';
import { ConferenceHistory } from './screens/ConferenceHistory';
import { ConferencePage } from './screens/ConferencePage';
import { ConferenceList } from './screens/ConferenceList';
import { CreatePassphrase } from './screens/CreatePassphrase';
import { NewConference } from './screens/NewConference';
import { SettingsScreen } from './screens/SettingsScreen';
import { AuditScreen } from './audit/AuditScreen';
import { StartProblem, Starting } from './screens/Starting';
import { Unlock } from './screens/Unlock';
import { CheckSignedFile } from './verify/CheckSignedFile';
import { SessionContext, type SectionsById, type Session } from './session/SessionContext';
import { routeHref, routeKey, useHashRoute, type Route } from './session/routes';
import { ReviewScreen } from './review/ReviewScreen';
import { useAutoLock } from './session/useAutoLock';
import { useLeaveGuard, type UnsavedWork } from './session/useLeaveGuard';
import { TeamConnectionBanner } from './team/TeamConnectionBanner';
import { LOCAL_SESSION, canEdit, roleLabel, storeName, storeSentence } from './team/roles';
import { NotForYourRole } from './team/NotForYourRole';

type Phase =
  | { kind: 'starting' }
  | { kind: 'start-failed'; message: string }
  | { kind: 'new' }
  | { kind: 'locked'; notice: string | null }
  | { kind: 'unlocked'; problems: readonly StoreProblem[] };

const HANDED_OVER_NOTICE =
  'Your latest changes could not be saved before the app locked. They are kept in this window and will be saved as soon as you unlock.';

interface HandedOver {
  sections: SectionsById;
  baseRevision: number;
}

/**
 * What the app holds but never draws (the open screen's unsaved work, text a lock interrupted):
 * a plain object made once per app — not state, which would re-render, nor a ref, which the
 * session object built during render would seem to read.
 */
class Slot<T> {
  #value: T;
  constructor(value: T) {
    this.#value = value;
  }
  get(): T {
    return this.#value;
  }
  set(value: T): void {
    this.#value = value;
  }
}

function minutesText(minutes: number): string {
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [route, navigate] = useHashRoute();
  // lease9: where the records are (known before sign-in) and the member's role (after it).
  const [member, setMember] = useState<SessionInfo>(LOCAL_SESSION);
  const [unsavedWork] = useState(() => new Slot<UnsavedWork | null>(null));
  useLeaveGuard(unsavedWork);
  // Held in memory only, and only until the next unlock sends it: the alternative is losing it.
  const [handedOver] = useState(() => new Slot(new Map<string, HandedOver>()));
  const [handedOverCount, setHandedOverCount] = useState(0);
  const handOverUnsaved = useCallback((conferenceId: string, sections: SectionsById, baseRevision: number) => {
    const earlier = handedOver.get().get(conferenceId);
    // Newer text wins; the revision stays the one the first unsaved text was based on.
    handedOver.get().set(conferenceId, { sections: { ...earlier?.sections, ...sections }, baseRevision: earlier?.baseRevision ?? baseRevision });
    setHandedOverCount(handedOver.get().size);
  }, [handedOver]);

  // Anything that finds the store locked (another window, the services' own timer) lands here.
  const onLocked = useCallback(() => {
    unsavedWork.set(null);
    setPhase((current) =>
      current.kind === 'unlocked' ? { kind: 'locked', notice: 'The app has been locked. Enter your passphrase to carry on.' } : current,
    );
  }, [unsavedWork]);
  const client = useMemo(() => createClient(onLocked), [onLocked]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const { state, session: info } = await client['vault.status']({});
        if (!cancelled && info) setMember({ ...info, role: null });
        if (state === 'unlocked') {
          // A window that has just opened (or reloaded) never inherits an unlocked store.
          await client['vault.lock']({});
        }
        if (!cancelled) setPhase(state === 'new' ? { kind: 'new' } : { kind: 'locked', notice: null });
      } catch (error) {
        if (!cancelled) setPhase({ kind: 'start-failed', message: errorMessage(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client]);

  const lockWith = useCallback(
    async (notice: string) => {
      // Save what is on screen first; a failure must not stop the lock.
      const work = unsavedWork.get();
      unsavedWork.set(null);
      if (work) await work.flush().catch(() => undefined);
      await client['vault.lock']({}).catch(() => undefined);
      // Leaving the unlocked tree unmounts every screen, which drops all conference data held in state.
      setPhase({ kind: 'locked', notice });
    },
    [client, unsavedWork],
  );

  const lock = useCallback(() => lockWith('The app is locked. Enter your passphrase to carry on.'), [lockWith]);
  const idleMinutes = phase.kind === 'unlocked' ? settings.autoLockMinutes : 0;
  useAutoLock({
    minutes: idleMinutes,
    onIdle: () => {
      void lockWith(`The app locked itself after ${minutesText(settings.autoLockMinutes)} without activity. Your saved work is safe.`);
    },
    // Any call that passes the store's gate counts as use; reading settings is the cheapest.
    onActive: () => {
      client['settings.get']({}).catch(() => undefined);
    },
  });

  const onUnlocked = useCallback(
    async (problems: readonly StoreProblem[]) => {
      // What the last lock interrupted is saved before any screen opens (and shows the record).
      // One that still fails stays here and is tried again at the next unlock.
      for (const [id, work] of [...handedOver.get()]) {
        try {
          await client['conferences.save']({ id, baseRevision: work.baseRevision, sections: work.sections });
          handedOver.get().delete(id);
        } catch {
          // Kept; the unlock screen keeps saying so.
        }
      }
      setHandedOverCount(handedOver.get().size);
      try {
        setSettings(await client['settings.get']({}));
      } catch {
        setSettings(DEFAULT_SETTINGS);
      }
      // lease9: the role the team gave this member. Should the answer not come, nothing is
      // offered that needs a role (the database would refuse it anyway).
      const info = await client['vault.status']({}).then((answer) => answer.session ?? LOCAL_SESSION).catch(() => null);
      setMember((before) => info ?? { ...before, role: null });
      setPhase({ kind: 'unlocked', problems });
    },
    [client, handedOver],
  );

  const session = useMemo<Session | null>(
    () =>
      phase.kind === 'unlocked'
        ? {
            client,
            navigate,
            lock,
            setUnsavedWork: (work) => {
              unsavedWork.set(work);
            },
            handOverUnsaved,
            settings,
            updateSettings: setSettings,
            unlockProblems: phase.problems,
            setUnlockProblems: (problems) => setPhase({ kind: 'unlocked', problems }),
            member,
          }
        : null,
    [client, navigate, lock, settings, phase, handOverUnsaved, unsavedWork, member],
  );

  // Focus moves to the new screen's heading, as a page load would announce it; not on first paint.
  const screenKey = phase.kind === 'unlocked' ? routeKey(route) : phase.kind;
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = phase.kind === 'starting';
      return;
    }
    document.getElementById(MAIN_HEADING_ID)?.focus();
  }, [screenKey, phase.kind]);

  if (phase.kind !== 'unlocked' || !session) {
    return (
      <Layout where={storeSentence(member)}>
        {phase.kind === 'starting' && <Starting />}
        {phase.kind === 'start-failed' && <StartProblem message={phase.message} />}
        {phase.kind === 'new' && <CreatePassphrase client={client} onCreated={() => onUnlocked([])} />}
        {phase.kind === 'locked' && (
          <Unlock
            client={client}
            notice={handedOverCount > 0 ? [phase.notice, HANDED_OVER_NOTICE].filter(Boolean).join(' ') : phase.notice}
            onUnlocked={onUnlocked}
          />
        )}
      </Layout>
    );
  }

  const nav = [
    { href: routeHref({ name: 'list' }), label: 'Conferences', current: route.name === 'list' },
    { href: routeHref({ name: 'settings' }), label: 'Settings', current: route.name === 'settings' },
    // pades: reachable from the conference list (and every screen) through the main navigation
    { href: routeHref({ name: 'verify' }), label: 'Check a signed file', current: route.name === 'verify' },
  ];
  return (
    <SessionContext.Provider value={session}>
      <Layout nav={nav} onLock={() => void lock()} where={storeSentence(member)} who={member.store.kind === 'team' && member.role ? `${roleLabel(member.role)} · ${storeName(member)}` : storeName(member)}>
        {/* offline9: the team server's state, above every screen (a store on this computer is never away) */}
        {member.store.kind === 'team' && <TeamConnectionBanner client={client} />}
        <UnlockedScreen route={route} canCreate={canEdit(member.role)} />
      </Layout>
    </SessionContext.Provider>
  );
}

function UnlockedScreen({ route, canCreate }: { route: Route; canCreate: boolean }) {
  switch (route.name) {
    case 'list':
      return <ConferenceList />;
    case 'new':
      return canCreate ? <NewConference /> : <NotForYourRole what="create conferences" />;
    case 'settings':
      return <SettingsScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'conference':
      // Keyed so that moving between conferences never mixes one's drafts into another.
      return <ConferencePage key={route.id} id={route.id} />;
    case 'history':
      return <ConferenceHistory key={route.id} id={route.id} />;
    case 'verify':
      return <CheckSignedFile />;
    case 'review':
      return <ReviewScreen key={route.id} id={route.id} />;
  }
}
