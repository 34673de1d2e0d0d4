import type { WebSocketRoute } from '@playwright/test';
import { test, expect, signedInAs, jobByName } from './fixtures.ts';

test.use({ storageState: signedInAs('admin') });

test('the live stream shows Reconnecting… when it drops, resumes from its last seq and catches up without a reload', async ({ page, baseURL }) => {
  const urls: string[] = [];
  let isBlocked = false;
  let current: WebSocketRoute | null = null;
  await page.routeWebSocket(/\/api\/events/, (ws) => {
    urls.push(ws.url());
    if (isBlocked) {
      ws.close();
      return;
    }
    current = ws;
    ws.connectToServer();
  });

  await page.goto('/jobs');
  const indicator = page.getByRole('status').filter({ hasText: /^(Live|Reconnecting…|Connecting…)$/ });
  await expect(indicator).toHaveText('Live');
  const grid = page.getByRole('grid', { name: 'Jobs' });
  await expect(grid.getByRole('row', { name: /Protect files01/ })).toBeVisible();

  // The connection drops and stays down for a while.
  isBlocked = true;
  await (current as WebSocketRoute | null)?.close();
  await expect(indicator).toHaveText('Reconnecting…');

  // Meanwhile someone renames the job.
  const job = await jobByName(page, 'Protect files01');
  const renamed = `Protect files01 (renamed ${Date.now().toString(36)})`;
  const rename = (name: string, version: number) => page.request.patch(`/api/jobs/${job.id}`, { headers: { origin: baseURL! }, data: { name, expectedVersion: version } });
  expect((await rename(renamed, job.version)).ok()).toBe(true);
  try {
    await page.waitForTimeout(500);
    await expect(grid.getByRole('row', { name: new RegExp(renamed.replace(/[()]/g, '\\$&')) })).toHaveCount(0);

    // Back up: the console resumes from the last seq it saw and replays what it missed.
    isBlocked = false;
    await expect(indicator).toHaveText('Live', { timeout: 20_000 });
    expect(urls[urls.length - 1]).toMatch(/since=\d+/);
    await expect(grid.getByRole('row', { name: new RegExp(renamed.replace(/[()]/g, '\\$&')) })).toBeVisible();
  } finally {
    const now = await jobByName(page, renamed);
    expect((await rename('Protect files01', now.version)).ok()).toBe(true);
  }
  await expect(grid.getByRole('row', { name: /^Protect files01 / })).toBeVisible();
});
