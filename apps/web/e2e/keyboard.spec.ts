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
