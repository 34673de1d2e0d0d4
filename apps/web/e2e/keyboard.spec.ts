import { test, expect, signedInAs, uniqueAddress, type Page } from './fixtures.ts';

test.use({ storageState: signedInAs('admin') });

/** Presses Tab until the focused element matches, failing after `max` presses (no mouse involved). */
async function tabTo(page: Page, isTarget: () => Promise<boolean>, max = 40) {
  for (let i = 0; i < max; i += 1) {
    if (await isTarget()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('focus never reached the target by Tab');
}

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    // The visible name without decorations hidden from assistive technology (the required-field star).
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
    const source = (label ?? el).cloneNode(true) as HTMLElement;
    source.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return (el.getAttribute('aria-label') ?? source.textContent ?? '').trim();
  });

test('keyboard only: add a server from the Servers page', async ({ page }) => {
  const address = uniqueAddress();
  await page.goto('/servers');
  await expect(page.getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();

  await tabTo(page, async () => (await focusedName(page)) === 'Add Server');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add Server' });
  await expect(dialog).toBeVisible();
  // Focus starts inside the dialog, on the first field.
  await expect(dialog.getByLabel('Address', { exact: true })).toBeFocused();
  await page.keyboard.type(address);

  await page.keyboard.press('Tab'); // Address kind: Reserved IP
  await page.keyboard.press('ArrowDown'); // → Public NAT
  await expect(dialog.getByLabel('Public NAT')).toBeChecked();

  await tabTo(page, async () => (await focusedName(page)) === 'Local account name');
  await page.keyboard.type('syncsafe-admin');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('local-password');

  await tabTo(page, async () => (await focusedName(page)) === 'Clustered');
  await page.keyboard.press('Space');
  await expect(dialog.getByLabel('Clustered')).toBeChecked();

  await tabTo(page, async () => (await focusedName(page)) === 'Add network adapter');
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Network adapter 1 friendly name')).toBeFocused();
  await page.keyboard.type('Production NIC');

  // Tab never leaves the modal dialog.
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }

  await tabTo(page, async () => (await focusedName(page)) === 'Add Server' && (await dialog.evaluate((d) => d.contains(document.activeElement))));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(address.replaceAll('.', '\\.')) })).toContainText('Public NAT');
  // Focus returns to the button that opened the dialog.
  await expect(page.getByRole('button', { name: 'Add Server' })).toBeFocused();
});

test('keyboard only: Escape closes a dialog and the user menu', async ({ page }) => {
  await page.goto('/servers');
  await page.getByRole('button', { name: 'Add Server' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Add Server' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Add Server' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add Server' })).toBeFocused();

  await page.getByRole('button', { name: /Account menu/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'API tokens' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: 'API tokens' })).toBeHidden();
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeFocused();
});

test('keyboard only: move through the Jobs table, open a command from the toolbar, and open a job', async ({ page }) => {
  await page.goto('/jobs');
  const grid = page.getByRole('grid', { name: 'Jobs' });
  await expect(grid.getByRole('row', { name: /Protect files01/ })).toBeVisible();

  // The table is one Tab stop; arrow keys move the highlighted job.
  await tabTo(page, async () => (await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))) !== null);
  // Rows by position (row 1 is the header): which jobs come first depends on what earlier flows created.
  const first = grid.locator('tr[aria-rowindex="2"]');
  const second = grid.locator('tr[aria-rowindex="3"]');
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  const firstName = (await first.locator('a').first().textContent())!.trim();

  // Back to the toolbar; a command that is not available stays focusable and says why.
  for (let i = 0; i < 20 && (await focusedName(page)) !== 'Failback'; i += 1) await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Failback', exact: true })).toBeFocused();
  await expect(page.getByRole('tooltip').filter({ hasText: /Protecting/ })).toBeVisible();
  for (let i = 0; i < 20 && (await focusedName(page)) !== 'Failover or Cutover'; i += 1) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Failover or Cutover' });
  await expect(dialog.getByLabel('Failover To Live Data')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Failover or Cutover', exact: true })).toBeFocused();

  // Enter on the highlighted job opens its details.
  await tabTo(page, async () => (await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))) === 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: firstName })).toBeVisible();
});
