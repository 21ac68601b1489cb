import type { FactorPoints } from '../../api/types';
import { factorLabel, formatFactorInput, formatNumber } from '../../shared/format';

/** "Why this priority": the points of each factor and their total. */
export function Breakdown({
  breakdown,
  score,
}: {
  breakdown: readonly FactorPoints[];
  score: number;
}) {
  return (
    <table className="breakdown">
      <caption>Why this priority</caption>
      <thead>
        <tr>
          <th scope="col">Factor</th>
          <th scope="col">Input</th>
          <th scope="col" className="num">
            Points
          </th>
        </tr>
      </thead>
      <tbody>
        {breakdown.map((item) => (
          <tr key={item.factor}>
            <th scope="row">{factorLabel(item.factor)}</th>
            <td>{formatFactorInput(item)}</td>
            <td className="num">{formatNumber(item.points)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Total
          </th>
          <td className="num">{formatNumber(score)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
