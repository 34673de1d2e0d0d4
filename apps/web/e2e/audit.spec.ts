import { readFileSync } from 'node:fs';
import { test, expect, signedInAs, createServerViaApi } from './fixtures.ts';

test.use({ storageState: signedInAs('admin') });

test.describe('Audit', () => {
  test('shows the records, newest first, with the verify badge saying verified', async ({ page, baseURL }) => {
    const server = await createServerViaApi(page, baseURL!);
    await page.goto('/audit');
    await expect(page.getByText(/Chain verified — \d+ records?/)).toBeVisible();
    const table = page.getByRole('table', { name: 'Audit records, newest first' });
    const createdRow = table.getByRole('row').filter({ hasText: 'server.create' }).filter({ hasText: server.name });
    await expect(createdRow).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'auth.login' }).first()).toBeVisible();

    await createdRow.getByRole('button', { name: /Details/ }).click();
    const details = page.locator('.row-details');
    await expect(details.getByText('After')).toBeVisible();
    await expect(details.getByText(server.address).first()).toBeVisible();

    await page.getByRole('button', { name: 'Re-check' }).click();
    await expect(page.getByText(/Chain verified — \d+ records?/)).toBeVisible();
  });

  test("a server's details page links to its audit records", async ({ page, baseURL }) => {
    const server = await createServerViaApi(page, baseURL!);
    await page.goto(`/servers/${server.id}`);
    await page.getByRole('link', { name: 'Audit records of this server' }).click();
    await expect(page).toHaveURL(new RegExp(`/audit\\?serverId=${server.id}$`));
    await expect(page.getByLabel('Target', { exact: true })).toHaveValue('serverId');
    const rows = page.getByRole('table', { name: 'Audit records, newest first' }).locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('server.create');
  });

  test('filters narrow the records and stay in the URL', async ({ page, baseURL }) => {
    await createServerViaApi(page, baseURL!);
    await page.goto('/audit');
    await page.getByLabel('Action').fill('server.create');
    await page.getByLabel('Outcome').selectOption('success');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/kind=server\.create/);
    const rows = page.getByRole('table', { name: 'Audit records, newest first' }).locator('tbody tr');
    await expect(rows.first()).toContainText('server.create');
    for (const text of await rows.allTextContents()) expect(text).toContain('server.create');

    await page.getByLabel('From (local time)').fill('2030-01-02T00:00');
    await page.getByLabel('To (local time)').fill('2030-01-01T00:00');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('"from" must not be after "to"')).toBeVisible();
  });

  test('Export CSV and Export JSON download the records with the current filters', async ({ page }) => {
    await page.goto('/audit?kind=auth');
    await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', /format=csv/);
    await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', /kind=auth/);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText).toContain('auth.login');

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export JSON' }).click()]);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const jsonText = readFileSync((await json.path())!, 'utf8');
    expect(jsonText).toContain('auth.login');
    expect(jsonText).not.toContain('server.create');
  });
});
