import type { Block, Cell, CollationRow } from './model';
import { text } from './model';

/**
 * Takes everything restricted out of a document's blocks, for the family copy. It works on
 * the finished model, not on the record, so whatever a layout marks restricted — a whole
 * block or a single table cell — cannot reach the family by a path the layout forgot.
 */

export const WITHHELD_CELL = 'Withheld from this copy';

export interface Redacted {
  blocks: Block[];
  /** Distinct reasons, in the order first met, for the family's "withheld" notice. */
  reasons: string[];
  /** How many pieces of information were taken out or replaced. */
  removed: number;
}

export function redactRestricted(blocks: readonly Block[]): Redacted {
  const reasons: string[] = [];
  let removed = 0;
  const note = (reason: string) => {
    removed += 1;
    if (!reasons.includes(reason)) reasons.push(reason);
  };
  const cellOf = (value: Cell, reason: string): Cell => {
    if (!value.restricted) return value;
    note(reason);
    return { runs: [text(WITHHELD_CELL, { italic: true })] };
  };

  const walk = (input: readonly Block[]): Block[] => {
    const output: Block[] = [];
    for (const block of input) {
      switch (block.kind) {
        case 'restricted':
          note(block.reason);
          // A replacement is written for the family; it is still checked, in case it was built from restricted parts.
          if (block.replacement) output.push(...walk(block.replacement));
          break;
        case 'table':
          output.push({ ...block, rows: block.rows.map((row) => row.map((c) => cellOf(c, CELL_REASON))) });
          break;
        case 'collation':
          output.push({
            ...block,
            rows: block.rows.map(
              (row): CollationRow => ({
                ...row,
                reasons: cellOf(row.reasons, CELL_REASON),
                worries: cellOf(row.worries, CELL_REASON),
                strengths: cellOf(row.strengths, CELL_REASON),
              }),
            ),
          });
          break;
        default:
          output.push(block);
      }
    }
    return output;
  };

  return { blocks: walk(blocks), reasons, removed };
}

/** Why a restricted answer in a table is withheld, when the table cannot carry its own reason. */
export const CELL_REASON = 'it is restricted information, such as information about other people or confidential police information';
