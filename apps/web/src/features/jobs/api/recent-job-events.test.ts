import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { makeJob } from '../../../test/factories.ts';
import { RECENT_MS, RecentJobEvents, recentJobEventsOf } from './recent-job-events.ts';

describe('RecentJobEvents', () => {
  const a = makeJob({ name: 'a' });
  const b = makeJob({ name: 'b' });

  it('gives the last event heard of each job, deletions included, until it is RECENT_MS old', () => {
    const recent = new RecentJobEvents();
    recent.remember(new Map([[a.id, a]]), 0);
    recent.remember(new Map([[a.id, null], [b.id, b]]), 1_000);
    expect(recent.at(1_000)).toEqual(new Map([[a.id, null], [b.id, b]]));
    expect(recent.at(1_000 + RECENT_MS)).toEqual(new Map());
  });

  it('forgets old events as new ones arrive, keeping a job heard again', () => {
    const recent = new RecentJobEvents();
    recent.remember(new Map([[a.id, a]]), 0);
    recent.remember(new Map([[b.id, b]]), 10);
    recent.remember(new Map([[a.id, a]]), RECENT_MS + 5);
    expect([...recent.at(RECENT_MS + 5).keys()]).toEqual([b.id, a.id]);
    recent.remember(new Map(), RECENT_MS + 20);
    expect([...recent.at(RECENT_MS + 20).keys()]).toEqual([a.id]);
  });
});

describe('recentJobEventsOf', () => {
  it('belongs to one QueryClient: another client hears nothing of its events', () => {
    const first = new QueryClient();
    const second = new QueryClient();
    recentJobEventsOf(first).remember(new Map([[makeJob().id, null]]), 0);
    expect(recentJobEventsOf(first)).toBe(recentJobEventsOf(first));
    expect(recentJobEventsOf(first).at(0).size).toBe(1);
    expect(recentJobEventsOf(second).at(0).size).toBe(0);
  });
});
