import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { ChildCollation } from '../../../../domain/collation/collate';

const ROW = 30;
const LABEL = 26;

/** Long agency names are cut in the chart only (the table beside it has them in full). */
function shortLabel(name: string): string {
  return name.length > LABEL ? `${name.slice(0, LABEL - 1).trimEnd()}…` : name;
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
  return (
    <figure className="g-chart">
      <figcaption className="g-chart__caption">Safety scale scores by agency (0 to 10)</figcaption>
      <div role="img" aria-label={summary}>
        <BarChart width={width} height={ROW * data.length + 64} data={data} layout="vertical" margin={{ top: 22, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} allowDecimals={false} />
          <YAxis type="category" dataKey="agency" width={Math.min(180, Math.round(width * 0.4))} tick={{ fontSize: 13 }} interval={0} tickFormatter={shortLabel} />
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
