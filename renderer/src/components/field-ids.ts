/**
 * Ids for a field's hint and error, tied to its control with aria-describedby. Derived from
 * the control's id, so a rule finding that names a field also names its hint and error.
 */
export const hintId = (domId: string): string => `${domId}--hint`;
export const errorId = (domId: string): string => `${domId}--error`;
