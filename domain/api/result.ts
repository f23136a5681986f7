import { z } from 'zod';

/** Every API call answers with a result, never a thrown error across the boundary. */
export const API_ERROR_CODES = [
  'INVALID_INPUT', // the arguments did not match the operation's schema; nothing changed
  'UNKNOWN_OPERATION',
  'FORBIDDEN', // wrong sender frame, origin or token
  'NO_VAULT', // no passphrase has been created yet
  'VAULT_EXISTS',
  'WEAK_PASSPHRASE',
  'WRONG_PASSPHRASE',
  'LOCKED', // the store is locked (or auto-locked after inactivity)
  'NOT_FOUND',
  'CONFLICT', // saved against an older revision
  'STORE_IN_USE', // another copy of the app has the data folder open
  'STORE_TOO_NEW', // the data was written by a newer version of the app
  'CORRUPT', // a file could not be read or decrypted
  'TAMPERED', // the history chain or a record does not match its hashes
  'SIGNED', // the conference is signed: it is locked, and corrections are addenda
  'NOT_READY', // signing refused: readiness checks still fail
  'NO_PROFILE', // signing needs the chair profile (name, role, council) first
  'NOT_AVAILABLE', // this kind of store cannot do that yet (e.g. PDF certificates on a team store); nothing changed
  'INTERNAL',
] as const;
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z.strictObject({
  code: ApiErrorCodeSchema,
  /** A plain British English sentence a chair can act on. Never contains personal data. */
  message: z.string(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function apiResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: ApiErrorSchema }),
  ]);
}

/** Thrown inside services; the transports turn it into `{ ok: false, error }`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
