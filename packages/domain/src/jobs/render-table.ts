import { type JobType, jobStateLabels, jobTypeLabels } from '@syncsafe/contracts';
import { GUARDS } from './guards.ts';
import { TRANSITION_TABLES } from './tables.ts';
import type { TransitionRow } from './transition-row.ts';

const stateLabel = (state: TransitionRow['to']) => (state === 'deleted' ? '(deleted)' : jobStateLabels[state]);

function whenText(row: TransitionRow): string {
  if (row.when?.types) return `type ${row.when.types.join(' / ')}`;
  if (row.when?.restoreData !== undefined) return row.when.restoreData ? 'Restore Data' : 'Do Not Restore Data';
  return '';
}

/** A job type's table as Markdown, in the product's words (the package README embeds both). */
export function renderTransitionTable(type: JobType): string {
  const lines = [
    `#### ${jobTypeLabels[type]}`,
    '',
    '| From | On | When | Guards | To | Operation | Note |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of TRANSITION_TABLES[type]) {
    const guards = (row.guards ?? []).map((g) => GUARDS[g].description).join('; ');
    const note = [row.notifies ? 'notifies every console' : '', row.note ?? ''].filter(Boolean).join('; ');
    lines.push(`| ${jobStateLabels[row.from]} | ${row.on} | ${whenText(row)} | ${guards} | ${stateLabel(row.to)} | ${row.operation ?? ''} | ${note} |`);
  }
  return lines.join('\n');
}
