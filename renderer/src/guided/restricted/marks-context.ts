import { createContext, useContext } from 'react';
import type { RestrictedMark } from '../../../../domain/restricted/marks';

/**
 * The chair's restricted marks, for the tick beside every long answer. The value changes only
 * when a mark does (not on each keystroke), so long answers re-render only then.
 */
export interface RestrictedMarksApi {
  marks: readonly RestrictedMark[];
  setMarked(mark: RestrictedMark, on: boolean): void;
}

export const RestrictedMarksContext = createContext<RestrictedMarksApi | null>(null);

export function useRestrictedMarks(): RestrictedMarksApi | null {
  return useContext(RestrictedMarksContext);
}
