/**
 * zod silently drops an own "__proto__" key while parsing a record (it cannot be assigned on a
 * plain object without changing its prototype), so a request naming a section or field
 * "__proto__" would otherwise be half-accepted with that part quietly missing. It is refused
 * before parsing instead, with a sentence the chair's screen can show.
 */
const PROTO = '__proto__';

export const RESERVED_KEY_MESSAGE =
  'The request could not be accepted because it uses “__proto__”, a reserved word, as a section or field name. Nothing was changed.';

/** The refusal sentence when any object inside the raw input has its own "__proto__" key. */
export function reservedKeyProblem(raw: unknown): string | null {
  const pending: unknown[] = [raw];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    if (Object.hasOwn(value, PROTO)) return RESERVED_KEY_MESSAGE;
    pending.push(...Object.values(value));
  }
  return null;
}
