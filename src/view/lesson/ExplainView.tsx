/** An explain step: the learner's prediction beside what the run measured, and why. */
import type { ExplainOutcome } from '../../lessons/explainOutcome';

export function ExplainView({ outcome }: { outcome: ExplainOutcome }) {
  const verdict = outcome.right === null ? null : outcome.right ? '✓ Right' : '✗ Not quite';
  return (
    <div
      className="lesson-explain"
      data-right={outcome.right === null ? undefined : String(outcome.right)}
    >
      <p className="lesson-predicted">
        {outcome.predicted === null ? (
          'You did not lock in a prediction for this.'
        ) : (
          <>
            You predicted: <strong>{outcome.predicted}</strong>
            {verdict && <span className="lesson-verdict"> {verdict}</span>}
          </>
        )}
      </p>
      {outcome.correct.length > 0 && (
        <p>
          What happens: <strong>{outcome.correct.join(' / ')}</strong>
        </p>
      )}
      <table className="lesson-measured">
        <caption>Measured in this run</caption>
        <tbody>
          {outcome.measured.map((m) => (
            <tr key={m.label}>
              <th scope="row">{m.label}</th>
              <td>{m.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {outcome.why && <p className="lesson-why">{outcome.why}</p>}
    </div>
  );
}
