import { describe, expect, it } from 'vitest';
import { apiContract } from '../../../domain/api/contract';
import { OPERATIONS } from '../../../domain/api/operation-names';

describe('OPERATIONS', () => {
  it('lists exactly the contract’s operations, in the same order', () => {
    // The preload exposes OPERATIONS without loading zod; if this drifts, the window would
    // lack an operation or expose one that main does not handle.
    expect([...OPERATIONS]).toEqual(Object.keys(apiContract));
  });
});
