import { test, expect, signedInAs, createServerViaApi, expectNoSeriousA11yIssues } from './fixtures.ts';

test.describe('accessibility (axe: no serious or critical issues)', () => {
  test('login page, empty and with errors', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Username is required')).toBeVisible();
    await expectNoSeriousA11yIssues(page);
  });

  test.describe('signed in as admin', () => {
    test.use({ storageState: signedInAs('admin') });

    test('Jobs, Servers, Audit, Users and API tokens pages', async ({ page, baseURL }) => {
      await createServerViaApi(page, baseURL!, { licenses: ['AXE-0001'], networkAdapters: ['Production NIC'] });
      for (const [path, heading] of [
        ['/jobs', 'Jobs'],
        ['/servers', 'Servers'],
        ['/audit', 'Audit'],
        ['/users', 'Users'],
        ['/tokens', 'API tokens'],
        ['/notifications', 'Notifications'],
        ['/jobs/new', 'Create job'],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
        await expectNoSeriousA11yIssues(page);
      }
    });

    test('server details, Edit Server Properties and the user menu', async ({ page, baseURL }) => {
      const server = await createServerViaApi(page, baseURL!, { licenses: ['AXE-0002'] });
      await page.goto(`/servers/${server.id}`);
      await expect(page.getByRole('heading', { level: 1, name: server.name })).toBeVisible();
      await expectNoSeriousA11yIssues(page);

      await page.getByRole('button', { name: /Account menu/ }).click();
      await expect(page.getByRole('link', { name: 'API tokens' })).toBeVisible();
      await expectNoSeriousA11yIssues(page);
      await page.keyboard.press('Escape');

      await page.goto(`/servers/${server.id}/edit`);
      await expect(page.getByRole('heading', { level: 1, name: 'Edit Server Properties' })).toBeVisible();
      await page.getByLabel('Port').fill('0');
      await page.getByRole('button', { name: 'OK' }).click();
      await expect(page.getByText('Port must be between 1 and 65535')).toBeVisible();
      await expectNoSeriousA11yIssues(page);
    });

    test('dialogs: Add Server (with errors), Delete server, Create user, Create API token', async ({ page, baseURL }) => {
      await page.goto('/servers');
      await page.getByRole('button', { name: 'Add Server' }).click();
      const addServer = page.getByRole('dialog', { name: 'Add Server' });
      await expect(addServer).toBeVisible();
      await expectNoSeriousA11yIssues(page);
      await addServer.getByRole('button', { name: 'Add network adapter' }).click();
      await addServer.getByRole('button', { name: 'Add Server' }).click();
      await expect(addServer.getByText('Address is required')).toBeVisible();
      await expectNoSeriousA11yIssues(page);
      await page.keyboard.press('Escape');
      await expect(addServer).toBeHidden();

      const server = await createServerViaApi(page, baseURL!);
      await page.goto(`/servers/${server.id}`);
      await page.getByRole('button', { name: 'Delete server' }).click();
      await expect(page.getByRole('dialog', { name: 'Delete server' })).toBeVisible();
      await expectNoSeriousA11yIssues(page);
      await page.keyboard.press('Escape');

      await page.goto('/users');
      await page.getByRole('button', { name: 'Create user' }).click();
      await expect(page.getByRole('dialog', { name: 'Create user' })).toBeVisible();
      await expectNoSeriousA11yIssues(page);
      await page.keyboard.press('Escape');

      await page.goto('/tokens');
      await page.getByRole('button', { name: 'Create API token' }).click();
      await expect(page.getByRole('dialog', { name: 'Create API token' })).toBeVisible();
      await expectNoSeriousA11yIssues(page);
    });

    test('job details of both demo jobs, the Stop dialog and the Edit wizard', async ({ page }) => {
      for (const name of ['Protect files01', 'Protect web01']) {
        await page.goto('/jobs');
        await page.getByRole('row', { name: new RegExp(name) }).dblclick();
        await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
        await expect(page.getByRole('table', { name: /Job history/ })).toBeVisible();
        await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
        await expectNoSeriousA11yIssues(page);
      }
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'Stop' })).toBeVisible();
      await expectNoSeriousA11yIssues(page);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Edit job' })).toBeVisible();
      await expectNoSeriousA11yIssues(page);
    });

    test('audit page with an expanded record', async ({ page }) => {
      await page.goto('/audit');
      await page.getByRole('button', { name: /Details of record/ }).first().click();
      await expect(page.locator('.row-details')).toBeVisible();
      await expectNoSeriousA11yIssues(page);
    });
  });
});
