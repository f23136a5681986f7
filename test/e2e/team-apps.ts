import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { ChairProfileInput } from '../../domain/signoff/schemas';
import { DEFAULT_KDF } from '../../main/services/store/kdf';
import type { TeamRole } from '../../main/services/team/membership';
import { startCluster, type Cluster } from '../integration/team/pg-cluster';
import { newTeam, passphraseOf, type Team } from '../integration/team/team-fixture';
import { unlock } from './app';
import { startShell } from './fixtures';

/**
 * A council's team on one throwaway PostgreSQL server, for the journeys where each person uses
 * their own app (a browser shell started with CPC_TEAM_SETTINGS) in their own browser. Members
 * are enrolled with the app's real key-derivation cost, as the app signs in with it. Call once
 * at the top of a spec: it registers the server's start and stop around the spec's tests.
 */

export interface MemberApp {
  page: Page;
  context: BrowserContext;
  login: string;
}

export interface TeamApps {
  readonly cluster: Cluster;
  readonly team: Team;
  /**
   * Adds `name` to the team in `role` (with a signing profile when given, so teammates see a
   * name) and opens their app, signed in, in a fresh browser context.
   */
  join(browser: Browser, name: string, role: TeamRole, profile?: ChairProfileInput): Promise<MemberApp>;
  /** Opens the app of someone already in the team, signed in, in a fresh browser context. */
  open(browser: Browser, login: string): Promise<MemberApp>;
  /** A browser shell for this spec (stopped with the others), e.g. one with no team settings. */
  shell(env?: NodeJS.ProcessEnv): ReturnType<typeof startShell>;
}

export function teamOnOneServer(hint: string): TeamApps {
  let cluster: Cluster | undefined;
  let team: Team | undefined;
  let work: string | undefined;
  const shells: { stop: () => Promise<void> }[] = [];

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    cluster = await startCluster();
    team = await newTeam(cluster, hint, DEFAULT_KDF);
    work = await mkdtemp(join(tmpdir(), 'cpc-e2e-team-'));
  });

  test.afterAll(async () => {
    await Promise.all(shells.map((s) => s.stop()));
    await team?.close();
    await cluster?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const started = () => {
    if (!cluster || !team || !work) throw new Error('The team server is not started: call teamOnOneServer at the top of the spec.');
    return { cluster, team, work };
  };

  const shell = async (env: NodeJS.ProcessEnv = {}) => {
    const instance = await startShell(env);
    shells.push(instance);
    return instance;
  };

  const open = async (browser: Browser, login: string): Promise<MemberApp> => {
    const { team: t, work: folder } = started();
    const settings = join(folder, `${login}.json`);
    const { host, port, database, prefix } = t.server;
    await writeFile(settings, JSON.stringify({ host, port, database, prefix, login }));
    const { url } = await shell({ CPC_TEAM_SETTINGS: settings });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await unlock(page, passphraseOf(login));
    return { page, context, login };
  };

  const join_ = async (browser: Browser, name: string, role: TeamRole, profile?: ChairProfileInput): Promise<MemberApp> => {
    const { team: t } = started();
    const login = t.login(name);
    await t.join(login, role);
    if (profile) {
      const store = t.storeFor(login);
      await store.unlock(passphraseOf(login));
      await store.setProfile(profile);
      await store.lock();
    }
    return open(browser, login);
  };

  return {
    get cluster() {
      return started().cluster;
    },
    get team() {
      return started().team;
    },
    join: join_,
    open,
    shell,
  };
}
