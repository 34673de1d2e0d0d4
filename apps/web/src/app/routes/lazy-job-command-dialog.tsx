import { lazy, Suspense, type ComponentProps } from 'react';
import type { JobCommandDialog } from './job-command-dialog.tsx';

const Dialog = lazy(() => import('./job-command-dialog.tsx').then((m) => ({ default: m.JobCommandDialog })));

/** The command dialogs load with the first command opened, not with the Jobs page. */
export function LazyJobCommandDialog(props: ComponentProps<typeof JobCommandDialog>) {
  if (props.command === null) return null;
  return (
    <Suspense fallback={null}>
      <Dialog {...props} />
    </Suspense>
  );
}
