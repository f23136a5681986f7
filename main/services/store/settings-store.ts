import { Low } from 'lowdb';
import { z } from 'zod';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type StoreProblem } from '../../../domain/api/contract';
import { moveAside } from './atomic-file';
import { EncryptedJsonAdapter, UnreadableFileError } from './encrypted-adapter';
import type { DataKey } from './key';
import { roles, type StorePaths } from './paths';
import { problems } from './problems';

const SettingsFileSchema = z.strictObject({ format: z.literal(1), settings: SettingsSchema });
type SettingsFile = z.infer<typeof SettingsFileSchema>;

/** Settings, encrypted like everything else (they are not personal, but they are the user's). */
export class SettingsStore {
  #settings: Settings = { ...DEFAULT_SETTINGS };
  #unreadable = false;
  readonly #adapter: EncryptedJsonAdapter<SettingsFile>;
  readonly #db: Low<SettingsFile | null>;

  constructor(
    private readonly paths: StorePaths,
    key: DataKey,
    private readonly now: () => Date,
  ) {
    this.#adapter = new EncryptedJsonAdapter(paths.settings, key, roles.settings, SettingsFileSchema);
    this.#db = new Low<SettingsFile | null>(this.#adapter, null);
  }

  async load(): Promise<StoreProblem[]> {
    try {
      await this.#db.read();
      this.#settings = this.#db.data?.settings ?? { ...DEFAULT_SETTINGS };
      return [];
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      this.#unreadable = true;
      return [problems.settingsUnreadable()];
    }
  }

  get(): Settings {
    return { ...this.#settings };
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = SettingsSchema.parse({ ...this.#settings, ...patch });
    if (this.#unreadable) {
      // Never overwrite what could not be read: keep the damaged file's bytes beside it.
      await moveAside(this.paths.settings, this.now());
      await this.#db.read();
      this.#unreadable = false;
    }
    this.#db.data = { format: 1, settings: next };
    await this.#db.write();
    this.#settings = next;
    return this.get();
  }
}
