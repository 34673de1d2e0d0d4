import { dirname, join } from 'node:path';
import { test, expect, selectByText, signedInAs, expectNoSeriousA11yIssues, injectFault, jobByName, waitForJobState } from './fixtures.ts';

/**
 * "Reversing Full Server Jobs - Manual Job Reversal" on the demo fleet's "Protect dc01" (dc01 → dc02: a
 * domain controller without reverse protection). The one flow ends the demo job: it is deleted and the
 * failed-over server is protected to a new target, as the spec's first option says.
 */
const JOB = 'Protect dc01';

test.use({ storageState: signedInAs('admin') });

test('manual reversal: a live failover that loses the licence is typed, Reverse says why not, the job is deleted and the failed-over server protected anew', async ({ page }) => {
  test.setTimeout(240_000);
  const job = await waitForJobState(page, JOB, 'protecting');
  await page.goto(`/jobs/${job.id}`);

  // Live failover: without reverse protection the target licence is lost, so the job name must be typed.
  await page.getByRole('button', { name: 'Failover or Cutover', exact: true }).click();
  const failover = page.getByRole('dialog', { name: 'Failover or Cutover' });
  await expect(failover.getByLabel('Failover To Live Data')).toBeChecked();
  await expect(failover.getByText(/Reverse protection is not enabled for this job: a live failover loses the activated target license/)).toBeVisible();
  await failover.getByRole('button', { name: 'Failover', exact: true }).click();
  await expect(failover.getByText(`Type ${JOB} exactly to confirm.`)).toBeVisible();
  await failover.getByLabel(`Type the job name (${JOB}) to confirm`).fill(JOB);
  await failover.getByRole('button', { name: 'Failover', exact: true }).click();
  await expect(failover.getByText(/Failover finished/)).toBeVisible({ timeout: 90_000 });
  await failover.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('region', { name: 'State and progress' })).toContainText('Failed over');
  await expect(page.getByRole('img', { name: /now/ })).toHaveAccessibleDescription(/dc02 holds the source identity \(dc01\)/);

  // Reverse is not possible: the toolbar and the Manual reversal panel say why, and give the spec's paths.
  const reverse = page.getByRole('button', { name: 'Reverse', exact: true });
  await expect(reverse).toHaveAttribute('aria-disabled', 'true');
  await expect(reverse).toHaveAccessibleDescription(/Reverse protection was not enabled for this job|domain controller/);
  const guide = page.getByRole('region', { name: 'Manual reversal' });
  await expect(guide.getByText('Reverse is not possible for this job')).toBeVisible();
  await expect(guide).toContainText('Reverse protection was not enabled for this job.');
  await expect(guide).toContainText('The source is a domain controller.');
  const reuse = guide.locator('details').filter({ hasText: 'Reuse the original source machine' });
  await expect(reuse.locator('summary')).toContainText('(not for this job)');
  await reuse.locator('summary').click();
  await expect(reuse).toContainText('Windows must be reinstalled');
  const keepRunning = guide.locator('details').filter({ hasText: 'Keep running on the failed-over server' });
  await keepRunning.locator('summary').click();
  await expect(keepRunning).toContainText('delete it, then create a new Full Server job');
  await expectNoSeriousA11yIssues(page);

  // The spec's step: delete the original job (it holds dc02), confirmed by typing its name.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const remove = page.getByRole('dialog', { name: 'Delete' });
  await expect(remove.getByText('This job has failed over')).toBeVisible();
  await expect(remove).toContainText('releases dc02 so that a new job can use it');
  await expectNoSeriousA11yIssues(page);
  await remove.getByLabel(`Type the job name (${JOB}) to confirm`).fill(JOB);
  await remove.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole('status').filter({ hasText: `Job ${JOB} deleted` })).toBeVisible();

  // Then protect the source, now running on dc02, to a new target: the original machine, powered on again.
  await injectFault(page, 'dc01', { fault: 'power-on' });
  const volume = job.directories[0]!;
  const onDc02 = join(job.replicaRoot!, volume);
  const name = 'Protect dc01 on dc02';
  await page.getByRole('link', { name: 'Create job' }).click();
  await page.getByLabel('Full Server').check();
  await page.getByLabel('Job name').fill(name);
  await page.getByRole('button', { name: 'Next' }).click();
  await selectByText(page.getByLabel('Source server'), /^dc02 /);
  await selectByText(page.getByLabel('Target server'), /^dc01 /);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Directory 1', { exact: true }).fill(onDc02);
  await page.getByLabel('Replica root on the target').fill(join(dirname(dirname(volume)), 'Replica'));
  for (const step of ['Failover options', 'Test failover', 'Snapshots', 'Review']) {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 2, name: step })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'State and progress' })).toContainText('Protecting', { timeout: 90_000 });
  const created = await jobByName(page, name);
  expect(created.source.name).toBe('dc02');
  expect(created.target.name).toBe('dc01');
});
