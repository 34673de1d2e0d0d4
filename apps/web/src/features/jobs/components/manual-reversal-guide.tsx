import type { ManualReversalGuide } from '@syncsafe/contracts';
import { Alert } from '../../../components/alert.tsx';

/** Going back without Reverse (no reverse protection, a domain controller, a rebuilt source): the spec's paths. */
export function ManualReversalGuidePanel({ guide }: { guide: ManualReversalGuide }) {
  return (
    <section className="panel" aria-labelledby="manual-reversal-title">
      <h2 id="manual-reversal-title">Manual reversal</h2>
      {guide.isRequired ? (
        <Alert tone="warning" title="Reverse is not possible for this job">
          <ul>
            {guide.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <p>{guide.description}</p>
      {guide.paths.map((path) => (
        <details key={path.id} className="guide-path">
          <summary>
            {path.title}
            {path.allowed ? '' : ' (not for this job)'}
          </summary>
          <p>{path.description}</p>
          {!path.allowed && path.reason ? <Alert tone="warning">{path.reason}</Alert> : null}
          <ol>
            {path.steps.map((step) => (
              <li key={step.id}>{step.text}</li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}
