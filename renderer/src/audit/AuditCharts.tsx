import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import type { Figures } from '../../../domain/audit/charts';

/**
 * The three charts a manager puts in a performance report. Each chart is a picture of the
 * table that follows it: the picture has a one-sentence summary for screen readers, and the
 * table is the accessible form with every figure, so recharts' keyboard layer is off.
 */

const WIDTH = 720;
const COLOURS = ['#1d4f6e', '#8a4b00', '#3d6b35', '#6b3a6b', '#505a5f', '#00707a'];
const pct = (value: number | null) => (value === null ? '—' : `${value}%`);

/** The figures are worked out in the app from the children shown (domain/audit/view.ts, charts.ts). */
export function AuditCharts({ figures }: { figures: Figures }) {
  const { months, rates, chairs, back } = figures;
  if (months.months.length === 0) return null;
  const monthData = months.months.map((m) => ({ month: m.label, ...m.byOutcome }));
  const chairData = [...chairs.chairs, chairs.overall].map((c) => ({ chair: c.chair, percent: c.percent ?? 0 }));
  return (
    <section className="audit-charts" aria-labelledby="audit-charts-title">
      <h2 className="heading-m" id="audit-charts-title">
        Charts
      </h2>

      <h3 className="heading-s" id="chart-months">
        Outcomes by month
      </h3>
      <figure>
        <div role="img" aria-label={`Bar chart of children in the cohort by month and outcome: ${months.months.map((m) => `${m.label} ${m.total}`).join(', ')}. The same figures are in the table below.`}>
          <BarChart width={WIDTH} height={260} data={monthData} margin={{ top: 10, right: 20, bottom: 10, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" />
            <YAxis allowDecimals={false} />
            <Legend />
            {months.outcomes.map((outcome, index) => (
              <Bar key={outcome} dataKey={outcome} stackId="outcomes" fill={COLOURS[index % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </div>
      </figure>
      <table className="table audit-table">
        <caption className="table__caption">Outcomes by month, as a table</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {months.outcomes.map((o) => (
              <th scope="col" key={o}>
                {o}
              </th>
            ))}
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody>
          {months.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.label}</th>
              {months.outcomes.map((o) => (
                <td key={o}>{m.byOutcome[o] ?? 0}</td>
              ))}
              <td>{m.total}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="heading-s" id="chart-indicators">
        Indicators met, overall and per chair
      </h3>
      <figure>
        <div role="img" aria-label={`Bar chart of the per cent of children meeting each indicator: ${rates.map((r) => `${r.label} ${pct(r.percent)}`).join(', ')}. The same figures are in the table below.`}>
          <BarChart width={WIDTH} height={40 * rates.length + 40} data={rates.map((r) => ({ label: r.label, percent: r.percent ?? 0 }))} layout="vertical" margin={{ top: 10, right: 30, bottom: 10, left: 10 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit="%" />
            <YAxis type="category" dataKey="label" width={300} interval={0} tick={{ fontSize: 12 }} />
            <Bar dataKey="percent" fill="#1d4f6e" isAnimationActive={false} barSize={16} />
          </BarChart>
        </div>
      </figure>
      <table className="table audit-table">
        <caption className="table__caption">Indicators met overall, as a table (“not applicable” is left out, never counted as met)</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Met</th>
            <th scope="col">Applies to</th>
            <th scope="col">Per cent met</th>
          </tr>
        </thead>
        <tbody>
          {rates.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              <td>{r.met}</td>
              <td>{r.applicable}</td>
              <td>{pct(r.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figure>
        <div role="img" aria-label={`Bar chart of indicators met per chair: ${chairData.map((c) => `${c.chair} ${c.percent}%`).join(', ')}. The same figures are in the table below.`}>
          <BarChart width={WIDTH} height={40 * chairData.length + 40} data={chairData} layout="vertical" margin={{ top: 10, right: 30, bottom: 10, left: 10 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit="%" />
            <YAxis type="category" dataKey="chair" width={300} interval={0} tick={{ fontSize: 12 }} />
            <Bar dataKey="percent" fill="#3d6b35" isAnimationActive={false} barSize={16} />
          </BarChart>
        </div>
      </figure>
      <table className="table audit-table">
        <caption className="table__caption">Indicators met per chair, as a table</caption>
        <thead>
          <tr>
            <th scope="col">Chair</th>
            <th scope="col">Children</th>
            <th scope="col">Indicators met</th>
            <th scope="col">Applied</th>
            <th scope="col">Per cent</th>
          </tr>
        </thead>
        <tbody>
          {[...chairs.chairs, chairs.overall].map((c) => (
            <tr key={c.chair}>
              <th scope="row">{c.chair}</th>
              <td>{c.children}</td>
              <td>{c.met}</td>
              <td>{c.applicable}</td>
              <td>{pct(c.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="heading-s" id="chart-came-back">
        Came back within 12 months, by outcome
      </h3>
      <figure>
        <div role="img" aria-label={`Bar chart of the per cent of children who came back within 12 months, by outcome: ${back.map((b) => `${b.outcome} ${pct(b.percent)}`).join(', ')}. The same figures are in the table below.`}>
          <BarChart width={WIDTH} height={40 * back.length + 40} data={back.map((b) => ({ outcome: b.outcome, percent: b.percent ?? 0 }))} layout="vertical" margin={{ top: 10, right: 30, bottom: 10, left: 10 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit="%" />
            <YAxis type="category" dataKey="outcome" width={300} interval={0} tick={{ fontSize: 12 }} />
            <Bar dataKey="percent" fill="#8a4b00" isAnimationActive={false} barSize={16} />
          </BarChart>
        </div>
      </figure>
      <table className="table audit-table">
        <caption className="table__caption">Came back by outcome, as a table (possible matches are for you to confirm and are not in the rate)</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col">Children</th>
            <th scope="col">Came back</th>
            <th scope="col">Possible match</th>
            <th scope="col">Per cent came back</th>
          </tr>
        </thead>
        <tbody>
          {back.map((b) => (
            <tr key={b.outcome}>
              <th scope="row">{b.outcome}</th>
              <td>{b.children}</td>
              <td>{b.cameBack}</td>
              <td>{b.possible}</td>
              <td>{pct(b.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
