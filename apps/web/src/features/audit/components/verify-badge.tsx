import type { AuditVerifyResponse } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { useAuditVerification } from '../api/verify-audit-chain.ts';

type Problem = NonNullable<AuditVerifyResponse['firstBroken']>['problem'];

const problemText: Record<Problem, string> = {
  hash_mismatch: 'its contents do not match its hash (edited)',
  link_mismatch: 'it does not link to the record before it (reordered or inserted)',
  missing_record: 'a record is missing (deleted)',
  head_mismatch: 'the newest records are missing (truncated)',
};

export function describeVerification(result: AuditVerifyResponse): string {
  if (result.isValid) return `Chain verified — ${result.checked} ${result.checked === 1 ? 'record' : 'records'}`;
  if (!result.firstBroken) return 'Chain broken';
  return `Chain broken at record #${result.firstBroken.seq}: ${problemText[result.firstBroken.problem] ?? result.firstBroken.problem}`;
}

/** Recomputes the SHA-256 chain on the server and says whether the trail is intact, and where not. */
export function VerifyBadge() {
  const verification = useAuditVerification();
  return (
    <div className="verify" aria-live="polite">
      {verification.isPending ? (
        <Badge tone="neutral">Checking the audit chain…</Badge>
      ) : verification.isError ? (
        <Badge tone="warn">Could not check the chain: {verification.error.message}</Badge>
      ) : (
        <Badge tone={verification.data.isValid ? 'good' : 'bad'}>{describeVerification(verification.data)}</Badge>
      )}
      <Button variant="ghost" onClick={() => verification.refetch()} isBusy={verification.isFetching}>
        {verification.isFetching ? 'Checking…' : 'Re-check'}
      </Button>
    </div>
  );
}
