import { renderTransitionTable } from '../../src/index.ts';

export const README_START = '<!-- transition-tables:start -->';
export const README_END = '<!-- transition-tables:end -->';

/** The README with its tables section regenerated from the code. */
export function withTables(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error('README has no transition-tables markers');
  const tables = `${renderTransitionTable('files-and-folders')}\n\n${renderTransitionTable('full-server')}`;
  return `${readme.slice(0, start + README_START.length)}\n${tables}\n${readme.slice(end)}`;
}
