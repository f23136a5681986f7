import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings, type StoreProblem } from '../../domain/api/contract';
import { createClient, errorMessage } from './api';
import { Layout } from './components/Layout';
import { MAIN_HEADING_ID } from './components/PageHeading';
import { ConferenceHistory } from './screens/ConferenceHistory';
import { ConferencePage } from './screens/ConferencePage';
import { ConferenceList } from './screens/ConferenceList';
import { CreatePassphrase } from './screens/CreatePassphrase';
import { NewConference } from './screens/NewConference';
import { SettingsScreen } from './screens/SettingsScreen';
import { StartProblem, Starting } from './screens/Starting';
import { Unlock } from './screens/Unlock';
import { SessionContext, type Session } from './session/SessionContext';
import { routeHref, routeKey, useHashRoute, type Route } from './session/routes';
import { useAutoLock } from './session/useAutoLock';

type Phase =
  | { kind: 'starting' }
  | { kind: 'start-failed'; message: string }
  | { kind: 'new' }
  | { kind: 'locked'; notice: string | null }
  | { kind: 'unlocked'; problems: readonly StoreProblem[] };

function minutesText(minutes: number): string {
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * The save the open screen wants run before the app locks. It is never drawn, so it lives in
 * a plain object made once per app (not state, which would re-render, nor a ref read in render).
 */
class BeforeLockSlot {
  #save: (() => Promise<unknown>) | null = null;
  set(save: (() => Promise<unknown>) | null): void {
    this.#save = save;
  }
  /** The save, once: a second lock does not run it again. */
  take(): (() => Promise<unknown>) | null {
    const save = this.#save;
    this.#save = null;
    return save;
  }
}

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [route, navigate] = useHashRoute();
  const [beforeLock] = useState(() => new BeforeLockSlot());

  // Anything that finds the store locked (another window, the services' own timer) lands here.
  const onLocked = useCallback(() => {
    beforeLock.take();
    setPhase((current) =>
      current.kind === 'unlocked' ? { kind: 'locked', notice: 'The app has been locked. Enter your passphrase to carry on.' } : current,
    );
  }, [beforeLock]);
  const client = useMemo(() => createClient(onLocked), [onLocked]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const { state } = await client['vault.status']({});
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
      const save = beforeLock.take();
      if (save) await save().catch(() => undefined);
      await client['vault.lock']({}).catch(() => undefined);
      // Leaving the unlocked tree unmounts every screen, which drops all conference data held in state.
      setPhase({ kind: 'locked', notice });
    },
    [client, beforeLock],
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
      try {
        setSettings(await client['settings.get']({}));
      } catch {
        setSettings(DEFAULT_SETTINGS);
      }
      setPhase({ kind: 'unlocked', problems });
    },
    [client],
  );

  const session = useMemo<Session | null>(
    () =>
      phase.kind === 'unlocked'
        ? {
            client,
            navigate,
            lock,
            setBeforeLock: (save) => {
              beforeLock.set(save);
            },
            settings,
            updateSettings: setSettings,
            unlockProblems: phase.problems,
          }
        : null,
    [client, navigate, lock, settings, phase, beforeLock],
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
      <Layout>
        {phase.kind === 'starting' && <Starting />}
        {phase.kind === 'start-failed' && <StartProblem message={phase.message} />}
        {phase.kind === 'new' && <CreatePassphrase client={client} onCreated={() => onUnlocked([])} />}
        {phase.kind === 'locked' && <Unlock client={client} notice={phase.notice} onUnlocked={onUnlocked} />}
      </Layout>
    );
  }

  const nav = [
    { href: routeHref({ name: 'list' }), label: 'Conferences', current: route.name === 'list' },
    { href: routeHref({ name: 'settings' }), label: 'Settings', current: route.name === 'settings' },
  ];
  return (
    <SessionContext.Provider value={session}>
      <Layout nav={nav} onLock={() => void lock()}>
        <UnlockedScreen route={route} />
      </Layout>
    </SessionContext.Provider>
  );
}

function UnlockedScreen({ route }: { route: Route }) {
  switch (route.name) {
    case 'list':
      return <ConferenceList />;
    case 'new':
      return <NewConference />;
    case 'settings':
      return <SettingsScreen />;
    case 'conference':
      // Keyed so that moving between conferences never mixes one's drafts into another.
      return <ConferencePage key={route.id} id={route.id} />;
    case 'history':
      return <ConferenceHistory key={route.id} id={route.id} />;
  }
}
