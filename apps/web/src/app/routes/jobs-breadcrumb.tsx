import { Link } from 'react-router';
import { paths } from '../../lib/paths.ts';

export function JobsBreadcrumb({ current }: { current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to={paths.jobs.href()}>Jobs</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
