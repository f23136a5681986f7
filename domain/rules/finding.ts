/**
 * What every rule returns: a plain sentence for the chair and where to fix it.
 * `blocking` findings stop the minutes being signed; `warning` ones need a look.
 */
export interface FieldRef {
  section: string;
  field?: string;
  /** The list item (agency, danger statement…) the finding is about, by id. */
  itemId?: string;
  /** An item inside that item (an action, a visit, an assessment result), by id. */
  subItemId?: string;
  /** The child the finding is about, by the child's item id. */
  childId?: string;
}

export interface RuleFinding {
  /** Stable id of the rule, e.g. `timescale.icpc-late-without-reason`. */
  rule: string;
  severity: 'blocking' | 'warning' | 'info';
  message: string;
  ref: FieldRef;
}
