import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { Alert } from '../../../components/alert.tsx';

/** The token's secret, once: copy it now, it cannot be shown again. */
export function TokenSecret({ secret }: { secret: string }) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <div className="token-secret">
      <Alert tone="warning" title="Copy this token now">
        You will not see it again. SyncSafe keeps only a hash of it. Use it as <code>Authorization: Bearer &lt;token&gt;</code>.
      </Alert>
      <label htmlFor="token-secret-value" className="field-label">
        Token
      </label>
      <div className="inline-control">
        <input id="token-secret-value" className="input mono" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} />
        <Button variant="primary" onClick={copy}>
          Copy
        </Button>
      </div>
      <p className="field-hint" aria-live="polite">
        {copyState === 'copied' ? 'Copied to the clipboard.' : copyState === 'failed' ? 'Could not copy: select the token and copy it yourself.' : ''}
      </p>
    </div>
  );
}
