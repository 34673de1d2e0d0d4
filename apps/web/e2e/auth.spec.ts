import { test, expect } from './fixtures.ts';
import { ADMIN } from './test-users.ts';

test.describe('signing in', () => {
  test('a wrong password shows an error and stays on the login page', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Sign-in failed');
    await expect(page).toHaveURL(/\/login/);
  });

  test('empty fields are named inline before anything is sent', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Username is required')).toBeVisible();
    await expect(page.getByText('Password is required')).toBeVisible();
    await expect(page.getByLabel('Username')).toBeFocused();
  });

  test('the right password lands on Servers, with the user and role in the user menu', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/servers$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();
    const menu = page.getByRole('button', { name: /Account menu/ });
    await expect(menu).toContainText(ADMIN.username);
    await expect(menu).toContainText('Admin');

    await menu.click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/servers');
    await expect(page).toHaveURL(/\/login\?next=%2Fservers/);
  });

  test('signed out, any page redirects to login and comes back after sign-in', async ({ page }) => {
    await page.goto('/audit?outcome=success');
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/audit\?outcome=success$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
  });
});
