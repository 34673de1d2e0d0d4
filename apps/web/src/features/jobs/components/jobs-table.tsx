import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { jobTypeLabels, type Job } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { describeIdentities, targetDataStateView } from '../job-view.ts';
import { JobActivity } from './job-activity.tsx';
import { JobStateBadge } from './job-state-badge.tsx';

const ROW_HEIGHT = 64;
const COLUMNS = 7;

interface JobsTableProps {
  /** The rows loaded so far, in order. */
  jobs: Job[];
  /** How many jobs match in all (rows past `jobs.length` show as loading until their page arrives). */
  total: number;
  selectedId: string | null;
  onSelect: (job: Job) => void;
  onOpen: (job: Job) => void;
  /** The rows on screen reach past the loaded ones: load the next page. */
  onNeedMore: () => void;
  jobHref: (jobId: string) => string;
}

/**
 * The Jobs page's table, virtualized: only the rows in view (plus a few) are in the DOM, so 10,000
 * jobs scroll and update as smoothly as ten. It is an ARIA grid with one row selected: click or arrow
 * keys select (as "highlight the job" in the product), Enter or double-click opens the job's details.
 */
export function JobsTable({ jobs, total, selectedId, onSelect, onOpen, onNeedMore, jobHref }: JobsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusIndexRef = useRef<number | null>(null);
  const count = Math.max(total, jobs.length);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (lastVisible >= jobs.length - 1 && jobs.length < total) onNeedMore();
  }, [lastVisible, jobs.length, total, onNeedMore]);

  const selectedIndex = selectedId === null ? -1 : jobs.findIndex((job) => job.id === selectedId);
  // The row that takes Tab focus: the selected one, else the first on screen.
  const tabIndexRow = selectedIndex >= 0 ? selectedIndex : (items[0]?.index ?? 0);

  // After a keyboard move, focus follows once the row is rendered.
  useEffect(() => {
    const index = focusIndexRef.current;
    if (index === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusIndexRef.current = null;
    }
  });

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(index, jobs.length - 1));
    const job = jobs[next];
    if (!job) return;
    focusIndexRef.current = next;
    onSelect(job);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const current = selectedIndex >= 0 ? selectedIndex : tabIndexRow;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page, PageUp: current - page, Home: 0, End: jobs.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const job = jobs[current];
      if (!job) return;
      event.preventDefault();
      if (event.key === 'Enter') onOpen(job);
      else onSelect(job);
    }
  }

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div className="jobs-table-scroll" ref={scrollRef}>
      <table className="table jobs-table" role="grid" aria-label="Jobs" aria-rowcount={count + 1} aria-multiselectable="false">
        <colgroup>
          <col className="col-name" />
          <col className="col-type" />
          <col className="col-machines" />
          <col className="col-state" />
          <col className="col-activity" />
          <col className="col-data" />
          <col className="col-snapshot" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Source → Target</th>
            <th scope="col">State</th>
            <th scope="col">Activity</th>
            <th scope="col">Target data</th>
            <th scope="col">Last snapshot</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 ? (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={COLUMNS} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const job = jobs[item.index];
            if (!job) {
              return (
                <tr key={`loading-${item.index}`} data-index={item.index} aria-rowindex={item.index + 2} className="job-row job-row-loading" style={{ height: ROW_HEIGHT }}>
                  <td colSpan={COLUMNS}>
                    <span className="muted">Loading…</span>
                  </td>
                </tr>
              );
            }
            return (
              <JobRow
                key={job.id}
                job={job}
                index={item.index}
                isSelected={job.id === selectedId}
                isTabStop={item.index === tabIndexRow}
                onSelect={onSelect}
                onOpen={onOpen}
                href={jobHref(job.id)}
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={COLUMNS} style={{ height: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

interface JobRowProps {
  job: Job;
  index: number;
  isSelected: boolean;
  isTabStop: boolean;
  onSelect: (job: Job) => void;
  onOpen: (job: Job) => void;
  href: string;
}

/** One row; re-renders only when its job (or its selection) changes, whatever else streams in. */
const JobRow = memo(function JobRow({ job, index, isSelected, isTabStop, onSelect, onOpen, href }: JobRowProps) {
  const identities = describeIdentities(job);
  const data = targetDataStateView[job.targetDataState];
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={isSelected}
      tabIndex={isTabStop ? 0 : -1}
      className={isSelected ? 'job-row job-row-selected' : 'job-row'}
      style={{ height: ROW_HEIGHT }}
      onClick={() => onSelect(job)}
      onDoubleClick={() => onOpen(job)}
    >
      <td>
        <Link to={href} tabIndex={-1} className="job-name" onClick={(event) => event.stopPropagation()}>
          {job.name}
        </Link>
      </td>
      <td>{jobTypeLabels[job.type]}</td>
      <td>
        <span className="nowrap">
          {job.source.name} <span aria-hidden="true">→</span>{' '}
          <span className="visually-hidden">to</span> {job.target.name}
        </span>
        {identities ? <span className="job-identities">{identities}</span> : null}
      </td>
      <td>
        <JobStateBadge job={job} />
      </td>
      <td>
        <JobActivity job={job} />
      </td>
      <td>
        <Badge tone={data.tone}>{data.label}</Badge>
      </td>
      <td className="small">{job.lastSnapshotAt ? formatDateTime(job.lastSnapshotAt) : <span className="muted">None</span>}</td>
    </tr>
  );
});
