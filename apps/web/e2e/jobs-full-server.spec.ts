import { test, expect, selectByText, signedInAs, expectNoSeriousA11yIssues, injectFault, jobByName, runCommandViaApi, waitForJobState, type Page } from './fixtures.ts';

/**
 * The spec's Full Server flows on the demo fleet: "Protect web01" (web01 → web02, reverse protection on,
 * test machine webtest). The tests run in order and each leaves the job Protecting on its original machines.
 */
const JOB = 'Protect web01';

test.use({ storageState: signedInAs('admin') });
test.describe.configure({ mode: 'serial' });

const stateOf = (page: Page) => page.locator('.panel').filter({ hasText: 'State and progress' });

async function setOption(page: Page, baseURL: string, patch: Record<string, unknown>) {
  const job = await jobByName(page, JOB);
  const { options } = (await (await page.request.get(`/api/jobs/${job.id}`)).json()) as { options: Record<string, unknown> };
  const response = await page.request.patch(`/api/jobs/${job.id}`, { headers: { origin: baseURL }, data: { options: { ...options, ...patch }, expectedVersion: job.version } });
  expect(response.ok(), await response.text()).toBe(true);
}

async function openFailover(page: Page) {
  const button = page.getByRole('button', { name: 'Failover or Cutover', exact: true });
  // A command that just ended (Take Snapshot) frees the toolbar as the stream reports it.
  await expect(button).not.toHaveAttribute('aria-disabled', 'true', { timeout: 30_000 });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Failover or Cutover' });
  await expect(dialog.getByLabel('Failover To Live Data')).toBeChecked();
  return dialog;
}

test('Failover dialog: live, test and snapshot failover, three queue choices, the spec’s considerations, and typed confirmation where data or the licence is lost', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const job = await waitForJobState(page, JOB, 'protecting');
  await page.goto(`/jobs/${job.id}`);

  // Take Snapshot: a Manual snapshot appears in the list as the stream reports it.
  await page.getByRole('button', { name: 'Take Snapshot', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Taking a snapshot of ${JOB}` })).toBeVisible();
  const snapshots = page.getByRole('table', { name: /Snapshots on the target/ });
  await expect(snapshots.getByRole('row').filter({ hasText: 'Manual' }).first()).toBeVisible({ timeout: 30_000 });

  const dialog = await openFailover(page);
  await expect(dialog.getByLabel('Perform Test Failover')).toBeEnabled();
  await expect(dialog.getByLabel('Revert To Last Good Snapshot If Target Data State Is Bad')).toHaveAccessibleDescription(/The target data state is good/);
  await expect(dialog.getByLabel('Leave source services running')).toHaveAccessibleDescription(/World Wide Web Publishing Service/);
  await expect(dialog.getByText(/every service that is not critical to Windows is stopped/)).toBeVisible();
  // The spec's general notes fold under one line that names them.
  const notes = dialog.locator('details.warning-more');
  await expect(notes.locator('summary')).toContainText('NLB');
  await expect(notes.locator('summary')).toContainText('driver signing');
  await notes.locator('summary').click();
  await expect(dialog.getByText(/stop code 0x7b/)).toBeVisible();
  // web01's agent reports a service that cannot stop: the warning names it.
  await expect(dialog).toContainText('Known not to stop on this source: Contoso Endpoint Protection');
  // Reverse protection is on: no licence loss, so a live failover with Apply needs nothing typed.
  await expect(dialog.getByText(/loses the activated target license/)).toHaveCount(0);
  await expect(dialog.getByLabel(`Type the job name (${JOB}) to confirm`)).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);

  // Failover To A Snapshot: pick one of the target's snapshots; the data after it is not used.
  await dialog.getByLabel('Failover To A Snapshot').check();
  const picker = dialog.getByRole('group', { name: 'Snapshot to fail over to' });
  await expect(picker).toContainText('Manual');
  await picker.getByRole('radio').first().check();
  await expect(dialog.getByText(/reverted to the chosen snapshot/)).toBeVisible();
  await expect(dialog.getByLabel(`Type the job name (${JOB}) to confirm`)).toBeVisible();

  // Perform Test Failover: the queue is applied, never discarded; the last option does not apply.
  await dialog.getByLabel('Perform Test Failover').check();
  await expect(dialog.getByLabel('Discard Data In The Target Queues And Failover Or Cutover Immediately')).toBeDisabled();
  await expect(dialog.getByLabel('Discard Data In The Target Queues And Failover Or Cutover Immediately')).toHaveAccessibleDescription(/Not with Perform Test Failover/);
  await expect(dialog.getByLabel('Leave source services running')).toBeDisabled();
  await expect(dialog.getByText(/must have the same friendly names/)).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Without reverse protection a live failover loses the activated target license: said, and typed.
  await setOption(page, baseURL!, { hasReverseProtection: false });
  try {
    const again = await openFailover(page);
    await expect(again.getByText(/Reverse protection is not enabled for this job: a live failover loses the activated target license/)).toBeVisible();
    await expect(again.getByLabel(`Type the job name (${JOB}) to confirm`)).toBeVisible();
    await expect(again.getByRole('button', { name: 'Failover', exact: true })).toHaveClass(/btn-danger/);
    await again.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    await setOption(page, baseURL!, { hasReverseProtection: true });
  }

  // The same services on the source's page, as its agent reported them.
  await page.goto(`/servers/${job.source.id}`);
  await expect(page.getByRole('region', { name: 'Properties' })).toContainText(/Identity held now\s*web01/);
  const services = page.getByRole('table', { name: 'Services of web01' });
  await expect(services.getByRole('row').filter({ hasText: 'Contoso Endpoint Protection' })).toContainText('Cannot be stopped');
  await expect(services.getByRole('row').filter({ hasText: 'Windows Event Log' })).toContainText('Critical to Windows: left running');
  await expectNoSeriousA11yIssues(page);
});

test('Perform Test Failover, then Undo Failover or Cutover says the test snapshot is deleted', async ({ page }) => {
  test.setTimeout(180_000);
  const job = await waitForJobState(page, JOB, 'protecting');
  await page.goto(`/jobs/${job.id}`);
  const dialog = await openFailover(page);
  await dialog.getByLabel('Perform Test Failover').check();
  await dialog.getByRole('button', { name: 'Failover', exact: true }).click();
  await expect(dialog.getByText(/Test failover finished/)).toBeVisible({ timeout: 90_000 });
  await expect(dialog.getByRole('status').filter({ hasText: 'Succeeded' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(stateOf(page)).toContainText('Test failed over');
  await expect(page.getByRole('img', { name: /now/ })).toHaveAccessibleDescription(/webtest holds its own identity/);

  await page.getByRole('button', { name: 'Undo Failover or Cutover', exact: true }).click();
  const undo = page.getByRole('dialog', { name: 'Undo Failover or Cutover' });
  await expect(undo.getByText('The test snapshot is deleted')).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await undo.getByRole('button', { name: 'Undo Failover or Cutover' }).click();
  await expect(undo.getByText(/Undo test failover finished/)).toBeVisible({ timeout: 90_000 });
  await undo.getByRole('button', { name: 'Done' }).click();
  await expect(stateOf(page)).toContainText('Protecting');
});

test('live failover with the target data state bad reverts to the last good snapshot; a new job on the target is refused; then Reverse shows Restoring → Synchronizing → Rebooting as they happen', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const job = await waitForJobState(page, JOB, 'protecting');
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole('img', { name: /after a live failover/ })).toHaveAccessibleDescription(/web02 holds the source identity \(web01\)/);

  // A good snapshot, then the target's data goes bad: the third queue choice reverts to that snapshot.
  await runCommandViaApi(page, baseURL!, JOB, 'take-snapshot');
  await expect(page.getByRole('table', { name: /Snapshots on the target/ }).getByRole('row').filter({ hasText: 'Manual' }).first()).toBeVisible({ timeout: 30_000 });
  await injectFault(page, 'web02', { fault: 'mark-target-bad', jobId: job.id });
  await expect(stateOf(page)).toContainText(/Target data state\W*Bad/, { timeout: 30_000 });
  const dialog = await openFailover(page);
  const revert = dialog.getByLabel('Revert To Last Good Snapshot If Target Data State Is Bad');
  await expect(revert).toBeEnabled();
  await revert.check();
  await expect(dialog.getByText(/the target reverts to the last good snapshot \(taken .*\) and any data between that snapshot and the failure is lost\. The target data state is bad now\./)).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await dialog.getByRole('button', { name: 'Failover', exact: true }).click();
  await expect(dialog.getByText(`Type ${JOB} exactly to confirm.`)).toBeVisible();
  await dialog.getByLabel(`Type the job name (${JOB}) to confirm`).fill(JOB);
  await dialog.getByRole('button', { name: 'Failover', exact: true }).click();
  await expect(dialog.getByText(/Failover finished/)).toBeVisible({ timeout: 90_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(stateOf(page)).toContainText('Failed over');
  await expect(page.getByRole('table', { name: /Job history/ })).toContainText('queue: revert-if-bad');
  const now = page.getByRole('img', { name: /now/ });
  await expect(now).toHaveAccessibleDescription(/web02 holds the source identity \(web01\)/);
  await expect(now).toHaveAccessibleDescription(/web01 holds no identity on the network/);
  await expect(page.getByRole('heading', { name: 'Manual reversal' })).toBeVisible();
  await expect(page.getByRole('img', { name: /after Reverse/ })).toHaveAccessibleDescription(/web01 holds the target identity \(web02\)/);
  await expectNoSeriousA11yIssues(page);

  // The spec: no new protection job on the target the source failed over to, while this job exists.
  await page.goto('/jobs/new');
  await page.getByLabel('Full Server').check();
  await page.getByLabel('Job name').fill(`web02 reuse ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Next' }).click();
  await selectByText(page.getByLabel('Source server'), /^webtest /);
  await selectByText(page.getByLabel('Target server'), /^web02 /);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Directory 1', { exact: true }).fill('/srv/web');
  await page.getByLabel('Replica root on the target').fill('/replica/web');
  for (const step of ['Failover options', 'Test failover', 'Snapshots', 'Review']) {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 2, name: step })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Source and target' })).toBeFocused();
  await expect(page.getByText(/still linked to job Protect web01/)).toBeVisible();
  await expect(page.getByLabel('Target server')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yIssues(page);

  // The source was shut down by the failover: Reverse says it needs it back, and allows itself once it is.
  await page.goto(`/jobs/${job.id}`);
  const reverseButton = page.getByRole('button', { name: 'Reverse', exact: true });
  await expect(reverseButton).toHaveAttribute('aria-disabled', 'true');
  await expect(reverseButton).toHaveAccessibleDescription(/web01/);
  await injectFault(page, 'web01', { fault: 'power-on' });
  await expect(reverseButton).not.toHaveAttribute('aria-disabled', { timeout: 30_000 });
  await reverseButton.click();
  const reverse = page.getByRole('dialog', { name: 'Reverse' });
  const preconditions = reverse.getByRole('region', { name: 'Preconditions' });
  await expect(preconditions.getByRole('listitem')).toHaveCount(5);
  await expect(preconditions).not.toContainText('Not met:');
  await expect(reverse.getByRole('list', { name: 'Phases of Reverse' }).getByRole('listitem')).toHaveText([/Restoring/, /Synchronizing/, /Rebooting/]);
  await expectNoSeriousA11yIssues(page);

  // Record each phase the dialog shows as in progress, as it happens.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenPhases: string[] }).seenPhases = seen;
    const record = () => {
      const current = document.querySelector('[aria-label="Phases of Reverse"] [aria-current="step"] .phase-title');
      const phase = current?.textContent?.split(' ')[0];
      if (phase && seen[seen.length - 1] !== phase) seen.push(phase);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await reverse.getByRole('button', { name: 'Reverse', exact: true }).click();
  await expect(reverse.getByText(/Reverse finished/)).toBeVisible({ timeout: 180_000 });
  const seen = await page.evaluate(() => (window as unknown as { seenPhases: string[] }).seenPhases);
  expect(seen.length, `phases seen in progress: ${seen.join(' → ')}`).toBeGreaterThan(0);
  expect(['Restoring', 'Synchronizing', 'Rebooting'].filter((p) => seen.includes(p))).toEqual(seen.filter((p, i) => seen.indexOf(p) === i));
  await expect(reverse.getByRole('list', { name: 'Phases of Reverse' }).getByText('Done')).toHaveCount(3);
  await reverse.getByRole('button', { name: 'Done' }).click();
  await expect(stateOf(page)).toContainText('Protecting');
  await expect(now).toHaveAccessibleDescription(/web01 holds the target identity \(web02\)/);
  await expect(now).toHaveAccessibleDescription(/Replicating: web02 to web01/);

  // Failover, then Reverse again, returns to the original machines.
  await runCommandViaApi(page, baseURL!, JOB, 'failover', { type: 'live', queue: 'apply' });
  await waitForJobState(page, JOB, 'failed-over', 90_000);
  await injectFault(page, 'web02', { fault: 'power-on' });
  await expect(reverseButton).not.toHaveAttribute('aria-disabled', { timeout: 30_000 });
  await runCommandViaApi(page, baseURL!, JOB, 'reverse');
  await waitForJobState(page, JOB, 'protecting', 180_000);
  await expect(now).toHaveAccessibleDescription(/web01 holds the source identity \(web01\)/);
  expect((await jobByName(page, JOB)).isReversed).toBe(false);
});

test('Failover To A Snapshot: the target reverts to the chosen snapshot (typed confirmation), then Reverse and back', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const job = await waitForJobState(page, JOB, 'protecting');
  await runCommandViaApi(page, baseURL!, JOB, 'take-snapshot');
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole('table', { name: /Snapshots on the target/ }).getByRole('row').filter({ hasText: 'Manual' }).first()).toBeVisible({ timeout: 30_000 });

  const dialog = await openFailover(page);
  await dialog.getByLabel('Failover To A Snapshot').check();
  const picker = dialog.getByRole('group', { name: 'Snapshot to fail over to' });
  await dialog.getByRole('button', { name: 'Failover', exact: true }).click();
  await expect(dialog.getByText('Choose the snapshot to fail over to.')).toBeVisible();
  await picker.getByRole('radio').first().check();
  await dialog.getByLabel(`Type the job name (${JOB}) to confirm`).fill(JOB);
  await dialog.getByRole('button', { name: 'Failover', exact: true }).click();
  await expect(dialog.getByText(/Failover finished/)).toBeVisible({ timeout: 90_000 });
  await expect(dialog.getByRole('status').filter({ hasText: 'Succeeded' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(stateOf(page)).toContainText('Failed over');
  await expect(page.getByRole('table', { name: /Job history/ })).toContainText('type: snapshot');

  // Back to the original machines: Reverse, Failover, Reverse.
  await injectFault(page, 'web01', { fault: 'power-on' });
  await expect(page.getByRole('button', { name: 'Reverse', exact: true })).not.toHaveAttribute('aria-disabled', { timeout: 30_000 });
  await runCommandViaApi(page, baseURL!, JOB, 'reverse');
  await waitForJobState(page, JOB, 'protecting', 180_000);
  await runCommandViaApi(page, baseURL!, JOB, 'failover', { type: 'live', queue: 'apply' });
  await waitForJobState(page, JOB, 'failed-over', 90_000);
  await injectFault(page, 'web02', { fault: 'power-on' });
  await expect(page.getByRole('button', { name: 'Reverse', exact: true })).not.toHaveAttribute('aria-disabled', { timeout: 30_000 });
  await runCommandViaApi(page, baseURL!, JOB, 'reverse');
  await waitForJobState(page, JOB, 'protecting', 180_000);
  expect((await jobByName(page, JOB)).isReversed).toBe(false);
});
