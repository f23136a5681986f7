import { ApiFailure } from '../../../domain/api/result';

/**
 * Holds the data key while the store is unlocked. Everything that encrypts asks this holder,
 * so once it is wiped nothing can go on using a stale copy (or an all-zero key).
 */
export class DataKey {
  #key: Buffer | null;

  constructor(key: Buffer) {
    this.#key = key;
  }

  get(): Buffer {
    if (this.#key === null) throw new ApiFailure('LOCKED', 'The conference store is locked. Enter your passphrase to open it.');
    return this.#key;
  }

  get wiped(): boolean {
    return this.#key === null;
  }

  /** Overwrites the key bytes in place; the buffer itself is the only copy this process keeps. */
  wipe(): void {
    this.#key?.fill(0);
    this.#key = null;
  }
}
