import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { ChildCollation } from '../../../../domain/collation/collate';
import { wrapLabel } from './wrap-label';

const FONT_SIZE = 13;
const LINE_HEIGHT = 15;
/** Up to two lines of name per agency; a row is tall enough that neighbours never touch. */
const MAX_LINES = 2;
const ROW = MAX_LINES * LINE_HEIGHT + 14;
/** A generous average glyph width at 13px (the UI font is wide), so a line never overruns its space. */
const CHAR_WIDTH = 7.6;

interface TickProps {
  x?: number;
  y?: number;
  payload?: { value?: unknown };
}

/**
 * The agency's name beside its bar, wrapped at word boundaries to the label column and cut
 * with an ellipsis after two lines (the table beside the chart has every name in full).
 * Recharts' own wrapping let long names run into the next row's.
 */
function AgencyTick({ x = 0, y = 0, payload, maxChars }: TickProps & { maxChars: number }) {
  const lines = wrapLabel(String(payload?.value ?? ''), maxChars, MAX_LINES);
  // Centre the block of lines on the bar.
  const firstDy = -((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <text x={x} y={y} textAnchor="end" fontSize={FONT_SIZE} fill="#0b0c0c" dominantBaseline="central">
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? firstDy : LINE_HEIGHT}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * Scores per agency as horizontal bars (agency names stay readable). The chart is a picture
 * of the table beside it: screen readers get a one-sentence summary and the table itself,
 * so recharts' own keyboard layer is turned off rather than adding a second, poorer route.
 */
export function ScoreChart({ collation, width }: { collation: ChildCollation; width: number }) {
  const data = collation.views.filter((view) => view.score !== null).map((view) => ({ agency: view.agency, score: view.score, departs: view.departs }));
  if (data.length === 0) return null;
  const summary = `Bar chart of safety scale scores: ${data.map((d) => `${d.agency} ${d.score}`).join(', ')}${
    collation.chairScore !== null ? `; the chair’s score is ${collation.chairScore}` : ''
  }. The same scores are in the table.`;
  const labelWidth = Math.min(200, Math.round(width * 0.45));
  // Room for the tick gap (about 10px) on the right of the label column.
  const maxChars = Math.max(8, Math.floor((labelWidth - 12) / CHAR_WIDTH));
  return (
    <figure className="g-chart">
      <figcaption className="g-chart__caption">Safety scale scores by agency (0 to 10)</figcaption>
      <div role="img" aria-label={summary}>
        <BarChart width={width} height={ROW * data.length + 64} data={data} layout="vertical" margin={{ top: 22, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} allowDecimals={false} />
          <YAxis type="category" dataKey="agency" width={labelWidth} interval={0} tick={<AgencyTick maxChars={maxChars} />} />
          <Bar dataKey="score" isAnimationActive={false} barSize={18}>
            {data.map((d) => (
              <Cell key={d.agency} fill={d.departs ? '#8a4b00' : '#1d4f6e'} />
            ))}
          </Bar>
          {collation.chairScore !== null && (
            <ReferenceLine x={collation.chairScore} stroke="#0b0c0c" strokeDasharray="4 2" label={{ value: 'Chair', position: 'top', fontSize: 12 }} />
          )}
        </BarChart>
      </div>
      <p className="g-hint">Darker orange bars: agencies whose recommendation differs from the decision.</p>
    </figure>
  );
}
