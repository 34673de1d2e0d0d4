import { JobStateSchema, JobTypeSchema } from '@syncsafe/contracts';
import type { JobFilters } from './list-jobs.ts';

/** The Jobs page's filters from its URL; unknown values are ignored rather than sent to the API. */
export function readJobFilters(params: URLSearchParams): JobFilters {
  const filters: JobFilters = {};
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  const type = JobTypeSchema.safeParse(params.get('type'));
  if (type.success) filters.type = type.data;
  const state = JobStateSchema.safeParse(params.get('state'));
  if (state.success) filters.state = state.data;
  const serverId = params.get('serverId');
  if (serverId) filters.serverId = serverId;
  return filters;
}
