import { test, expect, signedInAs } from './fixtures.ts';
import { ADMIN } from './test-users.ts';

test.describe('Users (admin)', () => {
  test.use({ storageState: signedInAs('admin') });

  test('create a user, change the role, reset the password, disable and enable', async ({ page }) => {
    const username = `op-${Date.now().toString(36)}`;
    await page.goto('/users');
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create user' });
    await dialog.getByLabel('Username').fill(username);
    await dialog.getByLabel('Password').fill('short');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByText('Password must be at least 12 characters')).toBeVisible();
    await dialog.getByLabel('Password').fill('a-long-enough-password');
    await dialog.getByLabel('Role').selectOption('operator');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole('row', { name: new RegExp(username) });
    await expect(row).toContainText('Active');
    await row.getByLabel(`Role of ${username}`).selectOption('auditor');
    await row.getByRole('button', { name: 'Change role' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${username} is now Auditor` })).toBeVisible();
    await expect(row.getByRole('button', { name: 'Change role' })).toHaveCount(0);

    await row.getByRole('button', { name: `Reset password of ${username}` }).click();
    const reset = page.getByRole('dialog', { name: 'Reset password' });
    await reset.getByLabel('New password').fill('another-long-password');
    await reset.getByRole('button', { name: 'Set password' }).click();
    await expect(reset).toBeHidden();

    await row.getByRole('button', { name: `Disable ${username}` }).click();
    await expect(row).toContainText('Disabled');
    await row.getByRole('button', { name: `Enable ${username}` }).click();
    await expect(row).toContainText('Active');
  });

  test('a duplicate username is refused at the username field', async ({ page }) => {
    await page.goto('/users');
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create user' });
    await dialog.getByLabel('Username').fill(ADMIN.username);
    await dialog.getByLabel('Password').fill('a-long-enough-password');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByText(`A user named ${ADMIN.username} already exists`)).toBeVisible();
  });
});

test('when the session ends, the next request goes back to the login page', async ({ page, baseURL }) => {
  await page.goto('/login');
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();
  // Settled: the live stream is open and caught up (it refetches what it may have missed once, on connecting).
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  // The session is gone (expired or signed out elsewhere): the API answers 401 from now on.
  await page.context().clearCookies({ domain: new URL(baseURL!).hostname });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Faudit/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
