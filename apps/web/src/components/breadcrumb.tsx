import { Link } from 'react-router';

/** Where a page sits: links to the pages above it, then the current one. */
export function Breadcrumb({ trail, current }: { trail: { label: string; href: string }[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {trail.map((step) => (
          <li key={step.href}>
            <Link to={step.href}>{step.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
