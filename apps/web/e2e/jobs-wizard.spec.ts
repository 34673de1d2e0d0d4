import { test, expect, selectByText, signedInAs, expectNoSeriousA11yIssues, createServerViaApi, jobByName, type Page } from './fixtures.ts';

test.use({ storageState: signedInAs('admin') });

const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();

test('Create job wizard: each step checks its fields, Review shows the job, Create starts it; then Edit and Delete', async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const source = await createServerViaApi(page, baseURL!, { networkAdapters: ['Production'] });
  const target = await createServerViaApi(page, baseURL!, { networkAdapters: ['Production'] });
  const name = `wizard ${Date.now().toString(36)}`;

  await page.goto('/jobs');
  await page.getByRole('link', { name: 'Create job' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create job' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(6);
  await expectNoSeriousA11yIssues(page);

  await next(page);
  await expect(page.getByText('Name is required')).toBeVisible();
  await expect(page.getByLabel('Job name')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Job name').fill(name);
  await next(page);

  await expect(page.getByRole('heading', { level: 2, name: 'Source and target' })).toBeFocused();
  await selectByText(page.getByLabel('Source server'), source.name);
  await selectByText(page.getByLabel('Target server'), source.name);
  await next(page);
  await expect(page.getByText('Source and target must be different servers')).toBeVisible();
  await selectByText(page.getByLabel('Target server'), target.name);
  await next(page);

  await page.getByLabel('Directory 1', { exact: true }).fill('data');
  await page.getByLabel('Replica root on the target').fill('/');
  await next(page);
  await expect(page.getByText('Path must be absolute (start with /)')).toBeVisible();
  await expect(page.getByText('The replica root cannot be /')).toBeVisible();
  await page.getByLabel('Directory 1', { exact: true }).fill('/srv/data');
  await page.getByLabel('Replica root on the target').fill('/replica');
  await expectNoSeriousA11yIssues(page);
  await next(page);

  await expect(page.getByLabel('Wait for user before failover')).toBeChecked();
  await page.getByLabel('Missed heartbeats').fill('0');
  await expect(page.getByText(/Monitoring window: —/)).toBeVisible();
  await next(page);
  await expect(page.getByText('At least 1 missed heartbeat')).toBeVisible();
  await page.getByLabel('Missed heartbeats').fill('3');
  await expect(page.getByText('Monitoring window: 15 seconds without a heartbeat meets the failover condition')).toBeVisible();
  await page.getByRole('button', { name: 'Add service' }).click();
  await page.getByLabel('Service 1', { exact: true }).fill('Print Spooler');
  await page.getByRole('button', { name: 'Add share' }).click();
  await page.getByLabel('Share 1 (name=/path)', { exact: true }).fill('public=/replica/srv/data/public');
  await expectNoSeriousA11yIssues(page);
  await next(page);

  await page.getByLabel('Take scheduled snapshots of the target').check();
  await page.getByLabel('Every (minutes)').fill('30');
  await next(page);

  const review = page.locator('.wizard dl');
  await expect(review).toContainText(name);
  await expect(review).toContainText('Print Spooler');
  await expect(review).toContainText('Every 30 min, keep 10');
  await expectNoSeriousA11yIssues(page);
  await page.getByRole('button', { name: 'Create job' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Job ${name} created` })).toBeVisible();
  const job = await jobByName(page, name);
  // The job's settings are what the wizard sent.
  await expect(page.getByRole('region', { name: 'Settings' })).toContainText('Condition: 3 missed heartbeats at 5 s (15 s window)');

  // These servers have no agents: the start fails and the job ends in Error, where only its name may change.
  await expect(page.getByRole('region', { name: 'State and progress' })).toContainText('Error', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit job' })).toBeVisible();
  await expect(page.getByLabel('Job name')).toBeEnabled();
  await page.getByLabel('Job name').fill(`${name} renamed`);
  await next(page);
  await expect(page.getByLabel('Source server')).toBeDisabled();
  await expect(page.getByText('These settings cannot be changed while the job is Error.')).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  for (let i = 0; i < 6 && (await page.getByRole('button', { name: 'Save' }).count()) === 0; i += 1) await next(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${name} renamed` })).toBeVisible();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete' });
  await expectNoSeriousA11yIssues(page);
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog.getByText(`Type ${name} renamed exactly to confirm.`)).toBeVisible();
  await dialog.getByLabel(`Type the job name (${name} renamed) to confirm`).fill(`${name} renamed`);
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole('status').filter({ hasText: `Job ${name} renamed deleted` })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Jobs' }).getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
  expect((await page.request.get(`/api/jobs/${job.id}`)).status()).toBe(404);
});
