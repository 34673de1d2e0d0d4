import { test, expect, signedInAs, uniqueAddress, createServerViaApi } from './fixtures.ts';

test.use({ storageState: signedInAs('admin') });

test.describe('Servers', () => {
  test('Add Server shows inline validation errors, then adds a valid server', async ({ page }) => {
    const address = uniqueAddress();
    await page.goto('/servers');
    await page.getByRole('button', { name: 'Add Server' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add Server' });
    await expect(dialog).toBeVisible();

    await dialog.getByLabel('Address', { exact: true }).fill('not an address!');
    await dialog.getByLabel('Port').fill('70000');
    await dialog.getByLabel('Local account name').fill('syncsafe-admin');
    await dialog.getByLabel('Password').fill('local-password');
    await dialog.getByRole('button', { name: 'Add Server' }).click();

    await expect(dialog.getByText('Address must be an IPv4 address, an IPv6 address or a host name')).toBeVisible();
    await expect(dialog.getByText('Port must be between 1 and 65535')).toBeVisible();
    await expect(dialog.getByLabel('Address', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('Address', { exact: true })).toBeFocused();

    await dialog.getByLabel('Port').fill('abc');
    await dialog.getByRole('button', { name: 'Add Server' }).click();
    await expect(dialog.getByText('Port must be a number')).toBeVisible();

    await dialog.getByLabel('Address', { exact: true }).fill(address);
    await dialog.getByLabel('Port').fill('6320');
    await dialog.getByLabel('Public NAT').check();
    await dialog.getByLabel('Display name').fill(`web-${address}`);
    await dialog.getByLabel('Clustered').check();
    await dialog.getByRole('button', { name: 'Add network adapter' }).click();
    await dialog.getByLabel('Network adapter 1 friendly name').fill('Production NIC');
    await dialog.getByRole('button', { name: 'Add license key' }).click();
    await dialog.getByLabel('License key 1', { exact: true }).fill('aaaa-bbbb-cccc-0001');
    await dialog.getByRole('button', { name: 'Add Server' }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `Server web-${address} added` })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(`web-${address.replaceAll('.', '\\.')}`) });
    await expect(row).toContainText(address);
    await expect(row).toContainText('6320');
    await expect(row).toContainText('Public NAT');
    await expect(row).toContainText('Unknown');
    await expect(row).toContainText('AAAA-BBBB-CCCC-0001');
    await expect(row).toContainText('Clustered');
  });

  test('the API refuses a duplicate address:port and the message shows at the address', async ({ page, baseURL }) => {
    const existing = await createServerViaApi(page, baseURL!);
    await page.goto('/servers');
    await page.getByRole('button', { name: 'Add Server' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add Server' });
    await dialog.getByLabel('Address', { exact: true }).fill(existing.address);
    await dialog.getByLabel('Local account name').fill('someone');
    await dialog.getByLabel('Password').fill('local-password');
    await dialog.getByRole('button', { name: 'Add Server' }).click();
    await expect(dialog.getByText(`already uses ${existing.address} port 6320`)).toBeVisible();
    await expect(dialog.getByLabel('Address', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('Edit Server Properties: add a license key, a duplicate is refused, remove it', async ({ page, baseURL }) => {
    const server = await createServerViaApi(page, baseURL!);
    await page.goto('/servers');
    await page.getByRole('link', { name: server.name }).dblclick();
    await expect(page).toHaveURL(new RegExp(`/servers/${server.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: server.name })).toBeVisible();

    await page.getByRole('link', { name: 'Edit Server Properties' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit Server Properties' })).toBeVisible();
    const licensing = page.getByRole('region', { name: 'Licensing' });
    await licensing.getByLabel('License key', { exact: true }).fill('wxyz-1234-5678-0000');
    await licensing.getByRole('button', { name: 'Add' }).click();
    const current = licensing.getByRole('list', { name: 'Current license keys' });
    await expect(current.getByText('WXYZ-1234-5678-0000')).toBeVisible();
    await expect(licensing.getByLabel('License key', { exact: true })).toHaveValue('');

    await licensing.getByLabel('License key', { exact: true }).fill('WXYZ-1234-5678-0000');
    await licensing.getByRole('button', { name: 'Add' }).click();
    await expect(licensing.getByText(`License key WXYZ-1234-5678-0000 is already on server ${server.name}`)).toBeVisible();

    await licensing.getByLabel('License key', { exact: true }).fill('bad key!');
    await licensing.getByRole('button', { name: 'Add' }).click();
    await expect(licensing.getByText('License key contains letters and digits in dash-separated groups')).toBeVisible();

    await current.getByRole('button', { name: 'Remove license key WXYZ-1234-5678-0000' }).click();
    await expect(licensing.getByText('No license keys.')).toBeVisible();

    // The licence changes bumped the version; saving properties afterwards must not be a conflict.
    await page.getByLabel('Display name').fill(`${server.name}-renamed`);
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page).toHaveURL(/\/servers$/);
    await expect(page.getByRole('link', { name: `${server.name}-renamed` })).toBeVisible();
  });

  test('editing the address in place keeps the server id', async ({ page, baseURL }) => {
    const server = await createServerViaApi(page, baseURL!);
    const newAddress = uniqueAddress();
    await page.goto(`/servers/${server.id}/edit`);
    const address = page.getByLabel('Address', { exact: true });
    await expect(address).toHaveValue(server.address);
    await address.fill('999.1.1.1');
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByText('Address must be an IPv4 address, an IPv6 address or a host name')).toBeVisible();

    await address.fill(newAddress);
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page).toHaveURL(/\/servers$/);
    const row = page.getByRole('row', { name: new RegExp(server.name.replaceAll('.', '\\.')) });
    await expect(row).toContainText(newAddress);
    await row.getByRole('link', { name: server.name }).click();
    await expect(page).toHaveURL(new RegExp(`/servers/${server.id}$`));
    await expect(page.getByText(newAddress).first()).toBeVisible();
  });

  test('a save based on an old version is refused and offers a reload', async ({ page, baseURL }) => {
    const server = await createServerViaApi(page, baseURL!);
    await page.goto(`/servers/${server.id}/edit`);
    await expect(page.getByLabel('Display name')).toHaveValue(server.name);
    // Someone else saves first.
    const other = await page.request.patch(`/api/servers/${server.id}`, { headers: { origin: baseURL! }, data: { name: `${server.name}-theirs`, expectedVersion: 1 } });
    expect(other.ok()).toBe(true);

    await page.getByLabel('Display name').fill(`${server.name}-mine`);
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByText('Someone else changed this server')).toBeVisible();
    await page.getByRole('button', { name: 'Reload server' }).click();
    await expect(page.getByLabel('Display name')).toHaveValue(`${server.name}-theirs`);
  });

  test('deleting a server asks first and returns to the list', async ({ page, baseURL }) => {
    const server = await createServerViaApi(page, baseURL!);
    await page.goto(`/servers/${server.id}`);
    await page.getByRole('button', { name: 'Delete server' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete server' });
    await expect(dialog).toContainText(server.name);
    await dialog.getByRole('button', { name: 'Delete server' }).click();
    await expect(page).toHaveURL(/\/servers$/);
    await expect(page.getByRole('link', { name: server.name, exact: true })).toHaveCount(0);
  });

  test('search narrows the list and lives in the URL', async ({ page, baseURL }) => {
    const name = `search-${Date.now().toString(36)}`;
    const server = await createServerViaApi(page, baseURL!, { name });
    await page.goto('/servers');
    await page.getByLabel('Search servers').fill(name);
    await expect(page).toHaveURL(new RegExp(`q=${name}`));
    await expect(page.getByRole('link', { name: server.name })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Servers' }).getByRole('row')).toHaveCount(2);
  });
});
