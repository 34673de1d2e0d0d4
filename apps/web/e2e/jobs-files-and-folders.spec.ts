import { closeSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, signedInAs, expectNoSeriousA11yIssues, injectFault, jobByName, runCommandViaApi, waitForJobState, type Page } from './fixtures.ts';

/**
 * The spec's Files and Folders flows on the demo fleet's real agents: "Protect files01" (files01 →
 * files02, wait for user before failover). The tests run in order and each leaves the job Protecting.
 */
const JOB = 'Protect files01';

test.use({ storageState: signedInAs('admin') });
test.describe.configure({ mode: 'serial' });

async function openFromJobsPage(page: Page, command: string) {
  await page.goto('/jobs');
  await page.getByRole('row', { name: new RegExp(JOB) }).click();
  await expect(page.getByRole('button', { name: command, exact: true })).not.toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('button', { name: command, exact: true }).click();
  return page.getByRole('dialog', { name: command });
}

test('the Jobs page lists the demo jobs live, filters them, and says why each command is not available', async ({ page }) => {
  await page.goto('/jobs');
  const grid = page.getByRole('grid', { name: 'Jobs' });
  await expect(grid.getByRole('row', { name: /Protect files01/ })).toContainText('Protecting');
  await expect(grid.getByRole('row', { name: /Protect web01/ })).toContainText('Full Server');
  await expect(grid.getByRole('row', { name: /Protect files01/ })).toContainText('files02');

  // Nothing highlighted: every command says so.
  const failover = page.getByRole('button', { name: 'Failover or Cutover', exact: true });
  await expect(failover).toHaveAttribute('aria-disabled', 'true');
  await expect(failover).toHaveAccessibleDescription('Select a job in the table first.');

  await grid.getByRole('row', { name: /Protect files01/ }).click();
  await expect(grid.getByRole('row', { name: /Protect files01/ })).toHaveAttribute('aria-selected', 'true');
  await expect(failover).not.toHaveAttribute('aria-disabled');
  const failback = page.getByRole('button', { name: 'Failback', exact: true });
  await expect(failback).toHaveAttribute('aria-disabled', 'true');
  await expect(failback).toHaveAccessibleDescription(/Protecting/);
  await failback.hover();
  await expect(page.getByRole('tooltip').filter({ hasText: /Protecting/ })).toBeVisible();
  // Clicking a command that is not allowed does nothing (it stays focusable to tell why).
  await failback.click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);

  await page.getByLabel('Type').selectOption('full-server');
  await expect(page).toHaveURL(/type=full-server/);
  await expect(grid.getByRole('row', { name: /Protect files01/ })).toHaveCount(0);
  await expect(grid.getByRole('row', { name: /Protect web01/ })).toBeVisible();
  await page.getByLabel('Type').selectOption('');
  await page.getByLabel('Search jobs').fill('files01');
  await expect(page).toHaveURL(/q=files01/);
  await expect(grid.getByRole('row', { name: /Protect web01/ })).toHaveCount(0);
  await expect(grid.getByRole('row', { name: /Protect files01/ })).toBeVisible();
});

test('wait for user: every open console shows the failover condition at once, and "Fail over now" opens the Failover dialog', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const job = await jobByName(page, JOB);
  // A short monitoring window, so the condition is met within seconds of the source going down. All the
  // options go along: the API resets options left out of a PATCH to their defaults.
  const { options } = (await (await page.request.get(`/api/jobs/${job.id}`)).json()) as { options: Record<string, unknown> };
  const edited = await page.request.patch(`/api/jobs/${job.id}`, {
    headers: { origin: baseURL! },
    data: { options: { ...options, monitoring: { isEnabled: true, missedHeartbeats: 2, heartbeatIntervalSeconds: 1 } }, expectedVersion: job.version },
  });
  expect(edited.ok(), await edited.text()).toBe(true);

  // A second operator's console, open on the job's details page.
  const other = await browser.newContext({ storageState: signedInAs('admin'), baseURL });
  const otherPage = await other.newPage();
  await otherPage.goto(`/jobs/${job.id}`);
  await expect(otherPage.getByRole('heading', { level: 1, name: JOB })).toBeVisible();
  await expect(otherPage.getByText('Live', { exact: true })).toBeVisible();

  await page.goto('/jobs');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await injectFault(page, 'files01', { fault: 'power-off' });
  try {
    const banner = page.getByRole('alert', { name: 'Open notifications' });
    await expect(banner).toContainText('Failover condition met', { timeout: 30_000 });
    await expect(banner).toContainText(JOB);
    await expect(otherPage.getByRole('alert', { name: 'Open notifications' })).toContainText('Failover condition met');
    await expect(otherPage.locator('.panel').filter({ hasText: 'State and progress' })).toContainText('Failover condition met');
    await expect(page.getByRole('grid', { name: 'Jobs' }).getByRole('row', { name: new RegExp(JOB) })).toContainText('Failover condition met');
    await expectNoSeriousA11yIssues(page);

    await banner.getByRole('link', { name: 'Fail over now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Failover or Cutover' });
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/jobs/${job.id}`));

    // Files and Folders: only live failover; the other two are shown greyed out with the spec's reason.
    await expect(dialog.getByLabel('Failover To Live Data')).toBeChecked();
    await expect(dialog.getByLabel('Perform Test Failover')).toBeDisabled();
    await expect(dialog.getByLabel('Perform Test Failover')).toHaveAccessibleDescription(/This option is not available for files and folders jobs/);
    await expect(dialog.getByLabel('Failover To A Snapshot')).toBeDisabled();
    await expect(dialog.getByLabel('Failover To A Snapshot')).toHaveAccessibleDescription(/This option is not applicable to files and folders jobs/);
    await expect(dialog.getByLabel('Apply Data In Target Queues Before Failover Or Cutover')).toBeChecked();
    await expect(dialog.getByLabel('Apply Data In Target Queues Before Failover Or Cutover')).toHaveAccessibleDescription(/Queued: \d+ operations?, .*bytes/);
    await expect(dialog.getByLabel('Revert To Last Good Snapshot If Target Data State Is Bad')).toHaveCount(0);
    await expect(dialog.getByLabel('Leave source services running')).toBeEnabled();
    await expect(dialog.getByLabel('Leave source cluster resources online')).toHaveCount(0);

    // Discard loses the queue: it says so, and the job name must be typed.
    await dialog.getByLabel('Discard Data In The Target Queues And Failover Or Cutover Immediately').check();
    await expect(dialog.getByText(/Any data in the target queue is lost/)).toBeVisible();
    const confirmation = dialog.getByLabel(`Type the job name (${JOB}) to confirm`);
    await expect(confirmation).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await dialog.getByRole('button', { name: 'Failover', exact: true }).click();
    await expect(dialog.getByText(`Type ${JOB} exactly to confirm.`)).toBeVisible();
    await expect(confirmation).toHaveAttribute('aria-invalid', 'true');

    // Back to Apply: nothing is lost, nothing to type.
    await dialog.getByLabel('Apply Data In Target Queues Before Failover Or Cutover').check();
    await expect(confirmation).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Failover', exact: true }).click();
    await expect(dialog.getByRole('status').filter({ hasText: /Failover (started|finished)/ })).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Steps of Failover' })).toBeVisible();
    await expect(dialog.getByText(/Failover finished/)).toBeVisible({ timeout: 60_000 });
    await expect(dialog.getByRole('status').filter({ hasText: 'Succeeded' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The other console saw it happen, without a reload.
    await expect(otherPage.locator('.panel').filter({ hasText: 'State and progress' })).toContainText('Failed over');
    await expect(otherPage.getByRole('img', { name: /now/ })).toHaveAccessibleDescription(/files02 holds the source identity \(files01\)/);

    // An acknowledgement reaches every console too.
    await page.getByRole('button', { name: /^Acknowledge: / }).first().click();
    await expect(otherPage.getByRole('alert', { name: 'Open notifications' })).not.toContainText('Failover condition met');
    await otherPage.goto('/notifications');
    await expect(otherPage.getByRole('table', { name: /Notifications/ })).toContainText('Acknowledged by admin');
    await expectNoSeriousA11yIssues(otherPage);
  } finally {
    await injectFault(page, 'files01', { fault: 'power-on' });
    await other.close();
  }
});

test('Restore then Failback: Restore Data to the source, the checklist ticks are audited, then Failback and Start', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const job = await waitForJobState(page, JOB, 'failed-over');
  await page.goto(`/jobs/${job.id}`);
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore' });
  await expect(dialog.getByLabel('Restore Data', { exact: true })).toBeChecked();
  await expect(dialog.getByLabel('Do Not Restore Data')).toBeDisabled();
  await expect(dialog.getByLabel('Do Not Restore Data')).toHaveAccessibleDescription(/fail back first, then choose Do Not Restore Data/);
  await expect(dialog.getByLabel('Server', { exact: true })).toHaveValue(job.source.id);
  await expect(dialog.getByLabel('Server', { exact: true }).locator('option:checked')).toContainText('files01');
  await expect(dialog.getByText(/Shares are not created on the source/)).toBeVisible();
  await expect(dialog.getByText(/Finance/)).toBeVisible();

  // Port override for a public NAT address.
  await dialog.getByLabel('Use another port than the default communication port').check();
  await dialog.getByLabel('Port', { exact: true }).fill('70000');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByText('Port must be a whole number between 1 and 65535.')).toBeVisible();
  await dialog.getByLabel('Use another port than the default communication port').uncheck();

  // The spec's preparation steps: each tick goes to the audit trail; what the console can check, it shows.
  const checklist = dialog.getByRole('region', { name: 'Preparation checklist' });
  await expect(checklist).toContainText('Restore, then fail back');
  const firstStep = checklist.getByLabel(/Resolve the problem\(s\) on the source/);
  await firstStep.check();
  await expect(checklist.getByText(/Ticked by admin/)).toBeVisible();
  await expect(checklist.getByText('files01 is online').first()).toBeVisible({ timeout: 20_000 });
  // Open files are checked live by the source's agent: a file held open under the job's folder is named.
  const dataDir = job.directories[0]!;
  const held = openSync(readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))[0]!, 'r');
  try {
    await expect(checklist.getByText('1 file(s) open on files01: the restore refuses until they are closed').first()).toBeVisible({ timeout: 20_000 });
    await expect(checklist.getByRole('list', { name: 'Files open on files01' }).first()).toContainText(dataDir);
    await expectNoSeriousA11yIssues(page);
  } finally {
    closeSync(held);
  }
  await checklist.getByRole('button', { name: 'Check again' }).first().click();
  await expect(checklist.getByText('No file under the job’s folders is open on files01').first()).toBeVisible();
  const audit = await page.request.get(`/api/audit?kind=job.checklist&jobId=${job.id}`);
  expect(JSON.stringify(await audit.json())).toContain('rtf-fix-source-off-network');
  await expectNoSeriousA11yIssues(page);

  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByText(/Restore finished/)).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('status').filter({ hasText: 'Succeeded' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.panel').filter({ hasText: 'State and progress' })).toContainText('Restored');

  await page.getByRole('button', { name: 'Failback', exact: true }).click();
  const failback = page.getByRole('dialog', { name: 'Failback' });
  await expect(failback.getByRole('region', { name: 'Preparation checklist' })).toContainText('This job is following this order.');
  await expect(failback.getByText(/Ticked by admin/)).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await failback.getByRole('button', { name: 'Failback', exact: true }).click();
  await expect(failback.getByText(/Failback finished/)).toBeVisible({ timeout: 60_000 });
  await failback.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.panel').filter({ hasText: 'State and progress' })).toContainText('Stopped');

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const start = page.getByRole('dialog', { name: 'Start' });
  await expectNoSeriousA11yIssues(page);
  await start.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(start.getByText(/Start finished/)).toBeVisible({ timeout: 60_000 });
  await start.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.panel').filter({ hasText: 'State and progress' })).toContainText('Protecting');
  void baseURL;
});

test('Failback then Restore: Do Not Restore Data spells out the loss and needs the job name typed', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await waitForJobState(page, JOB, 'protecting');
  await runCommandViaApi(page, baseURL!, JOB, 'failover', { type: 'live', queue: 'apply' });
  const job = await waitForJobState(page, JOB, 'failed-over');

  const dialog = await openFromJobsPage(page, 'Failback');
  const checklist = dialog.getByRole('region', { name: 'Preparation checklist' });
  await expect(checklist).toContainText('Fail back, then restore');
  await dialog.getByRole('button', { name: 'Failback', exact: true }).click();
  await expect(dialog.getByText(/Failback finished/)).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await waitForJobState(page, JOB, 'failed-back');

  const restore = await openFromJobsPage(page, 'Restore');
  await restore.getByLabel('Do Not Restore Data').check();
  await expect(restore.getByText(/Any data changes made on the target during failover will be lost/).first()).toBeVisible();
  await expect(restore.getByLabel('Server', { exact: true })).toHaveCount(0);
  await expect(restore.getByRole('button', { name: 'Continue' })).toHaveClass(/btn-danger/);
  await restore.getByRole('button', { name: 'Continue' }).click();
  await expect(restore.getByText(`Type ${JOB} exactly to confirm.`)).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await restore.getByLabel(`Type the job name (${JOB}) to confirm`).fill(JOB);
  await restore.getByRole('button', { name: 'Continue' }).click();
  await expect(restore.getByText(/Restore finished/)).toBeVisible({ timeout: 60_000 });
  await restore.getByRole('button', { name: 'Done' }).click();
  await waitForJobState(page, JOB, 'stopped');

  // The job's history names every command with its options and who ran it.
  await page.goto(`/jobs/${job.id}`);
  const history = page.getByRole('table', { name: /Job history/ });
  await expect(history).toContainText('restoreData: false');
  await expect(history).toContainText('type: live, queue: apply');
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', `/api/audit/export?format=csv&jobId=${job.id}`);

  await runCommandViaApi(page, baseURL!, JOB, 'start');
  await waitForJobState(page, JOB, 'protecting');
});
