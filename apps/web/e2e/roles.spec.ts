import { test, expect, signedInAs, createServerViaApi } from './fixtures.ts';
import { AUDITOR } from './test-users.ts';

test.describe('an auditor', () => {
  test.use({ storageState: signedInAs('auditor') });

  test('sees Servers read-only: no Add Server, no Edit Server Properties, no Delete', async ({ page, browser, baseURL }) => {
    const adminContext = await browser.newContext({ storageState: signedInAs('admin'), baseURL });
    const server = await createServerViaApi(await adminContext.newPage(), baseURL!);
    await adminContext.close();

    await page.goto('/servers');
    await expect(page.getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();
    await expect(page.getByRole('link', { name: server.name })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add Server' })).toHaveCount(0);
    await expect(page.getByText('Read-only: only admins add or change servers.')).toBeVisible();

    await page.getByRole('link', { name: server.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: server.name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit Server Properties' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete server' })).toHaveCount(0);

    await page.goto(`/servers/${server.id}/edit`);
    await expect(page.getByText('Admin role needed')).toBeVisible();
    await expect(page.getByRole('button', { name: 'OK' })).toHaveCount(0);
  });

  test('reads jobs but runs none: every command says the Operator role is needed, and there is no Create job', async ({ page }) => {
    await page.goto('/jobs');
    await page.getByRole('row', { name: /Protect files01/ }).click();
    const failover = page.getByRole('button', { name: 'Failover or Cutover', exact: true });
    await expect(failover).toHaveAttribute('aria-disabled', 'true');
    await expect(failover).toHaveAccessibleDescription('Running jobs needs the Operator role; you are signed in with the Auditor role.');
    await expect(page.getByRole('link', { name: 'Create job' })).toHaveCount(0);
    await page.getByRole('row', { name: /Protect files01/ }).dblclick();
    await expect(page.getByRole('heading', { level: 1, name: 'Protect files01' })).toBeVisible();
    await expect(page.getByRole('table', { name: /Job history/ })).toBeVisible();
    await page.goto('/jobs/new');
    await expect(page.getByText('Operator role needed')).toBeVisible();
    await page.goto('/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  });

  test('has no Users page in the navigation and the role shows in the user menu', async ({ page }) => {
    await page.goto('/jobs');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Jobs' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Servers' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Audit' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Account menu/ })).toContainText(`${AUDITOR.username}Auditor`);
    await page.goto('/users');
    await expect(page.getByText('Managing users needs the Admin role')).toBeVisible();
  });

  test('can create an API token of at most the auditor role, shown once', async ({ page }) => {
    await page.goto('/tokens');
    await page.getByRole('button', { name: 'Create API token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create API token' });
    await expect(dialog.getByLabel('Role').locator('option')).toHaveText(['Auditor']);
    await dialog.getByLabel('Name').fill('report script');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const created = page.getByRole('dialog', { name: 'API token created' });
    await expect(created.getByText('You will not see it again')).toBeVisible();
    const secret = await created.getByLabel('Token', { exact: true }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await created.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('row', { name: /report script/ })).toContainText('Active');
    await expect(page.getByText(secret)).toHaveCount(0);

    await page.getByRole('button', { name: 'Revoke report script' }).click();
    await page.getByRole('dialog', { name: 'Revoke API token' }).getByRole('button', { name: 'Revoke token' }).click();
    await expect(page.getByRole('row', { name: /report script/ })).toContainText('Revoked');
  });
});
