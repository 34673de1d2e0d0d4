import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { paths } from '../../lib/paths.ts';

export function JobsBreadcrumb({ current }: { current: string }) {
  return <Breadcrumb trail={[{ label: 'Jobs', href: paths.jobs.href() }]} current={current} />;
}
