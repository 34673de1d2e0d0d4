import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { E2E_ENV } from './test-users.ts';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through playwright.config.ts (its global setup starts the API)`);
  return value;
}

/** Saved cookies of a signed-in admin or auditor, written by the global setup. */
export function signedInAs(role: 'admin' | 'auditor'): string {
  return join(requireEnv(E2E_ENV.stateDir), `${role}.json`);
}

export const test = base.extend({
  // The API listens on a port picked at start-up, known only after the global setup.
  // Playwright requires a destructuring pattern here, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => use(requireEnv(E2E_ENV.baseUrl)),
});

export { expect };
export type { Page };

/** Axe scan limited to WCAG A/AA rules; fails on any serious or critical violation. */
export async function expectNoSeriousA11yIssues(page: Page, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    'axe found serious or critical issues',
  ).toEqual([]);
}

/** A random private IPv4 address, so servers made by different tests never collide on address:port. */
export function uniqueAddress(): string {
  return `10.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;
}

/** Adds a server through the API with the page's own session (same Origin, as the console sends). */
export async function createServerViaApi(page: Page, baseURL: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; name: string; address: string }> {
  const address = uniqueAddress();
  const response = await page.request.post('/api/servers', {
    headers: { origin: baseURL },
    data: { name: `srv-${address}`, address, username: 'syncsafe-admin', password: 'local-password', ...overrides },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}
