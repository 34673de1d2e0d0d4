import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, signedInAs } from './fixtures.ts';

/** `pnpm --filter @syncsafe/web screenshots`: the pictures in docs/screenshots/, taken from the demo fleet. */
const dir = resolve(import.meta.dirname, '../docs/screenshots');

test.use({ storageState: signedInAs('admin'), viewport: { width: 1360, height: 860 } });

test('@screenshots Jobs page, Failover dialog, topology', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  await page.goto('/jobs');
  await page.getByRole('row', { name: /Protect web01/ }).click();
  await page.getByRole('button', { name: 'Failback', exact: true }).hover();
  await expect(page.getByRole('tooltip').filter({ hasText: /Failback/ })).toBeVisible();
  await page.screenshot({ path: `${dir}/jobs-page.png` });

  await page.getByRole('button', { name: 'Failover or Cutover', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Failover or Cutover' });
  await expect(dialog.getByLabel('Failover To Live Data')).toBeChecked();
  await page.screenshot({ path: `${dir}/failover-dialog.png` });
  await page.keyboard.press('Escape');

  await page.getByRole('row', { name: /Protect web01/ }).dblclick();
  const topology = page.getByRole('region', { name: 'Machines and identities' });
  await expect(topology.getByRole('img').first()).toBeVisible();
  await topology.screenshot({ path: `${dir}/topology.png` });
});
