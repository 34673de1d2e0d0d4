import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
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

export interface DemoJob {
  id: string;
  name: string;
  state: string;
  version: number;
  source: { id: string; name: string };
  target: { id: string; name: string };
  reversePhase: string | null;
  isReversed: boolean;
  identities: { source: { name: string; serverId: string | null }; target: { name: string; serverId: string } | null };
  directories: string[];
  replicaRoot: string | null;
}

/** A job of the demo fleet ("Protect files01", "Protect web01") as the API has it now. */
export async function jobByName(page: Page, name: string): Promise<DemoJob> {
  const response = await page.request.get(`/api/jobs?q=${encodeURIComponent(name)}`);
  expect(response.ok(), await response.text()).toBe(true);
  const job = ((await response.json()) as { items: DemoJob[] }).items.find((j) => j.name === name);
  if (!job) throw new Error(`no job named ${name}`);
  return job;
}

/** Waits (through the API) until the job is in `state`: for set-up and clean-up between flows, not for what a test asserts. */
export async function waitForJobState(page: Page, name: string, state: string, timeoutMs = 60_000): Promise<DemoJob> {
  const deadline = Date.now() + timeoutMs;
  let job = await jobByName(page, name);
  while (job.state !== state) {
    if (Date.now() > deadline) throw new Error(`${name} is ${job.state}, not ${state}, after ${timeoutMs} ms`);
    await page.waitForTimeout(300);
    job = await jobByName(page, name);
  }
  return job;
}

/** Runs a command through the API with the page's session (set-up and clean-up between flows). */
export async function runCommandViaApi(page: Page, baseURL: string, jobName: string, command: string, body: Record<string, unknown> = {}) {
  const job = await jobByName(page, jobName);
  const path = command === 'take-snapshot' ? 'snapshots' : command;
  const response = await page.request.post(`/api/jobs/${job.id}/${path}`, { headers: { origin: baseURL }, data: body });
  expect(response.status(), await response.text()).toBe(202);
  return response.json();
}

/**
 * A fault on a demo agent (power off, network, adapter down…), through its own `/v1/faults` endpoint
 * with the credentials the demo fleet keeps in `<data>/demo/fleet.json`.
 */
export async function injectFault(page: Page, serverName: string, fault: Record<string, unknown>) {
  const fleet = JSON.parse(readFileSync(join(requireEnv(E2E_ENV.stateDir), 'demo', 'fleet.json'), 'utf8')) as { agents: Record<string, { password: string }> };
  const password = fleet.agents[serverName]?.password;
  if (!password) throw new Error(`no demo agent ${serverName}`);
  const servers = (await (await page.request.get(`/api/servers?q=${encodeURIComponent(serverName)}`)).json()) as { items: Array<{ name: string; address: string; port: number }> };
  const server = servers.items.find((s) => s.name === serverName);
  if (!server) throw new Error(`no server ${serverName}`);
  const response = await page.request.post(`http://${server.address}:${server.port}/v1/faults`, {
    headers: { authorization: `Basic ${Buffer.from(`Administrator:${password}`).toString('base64')}` },
    data: fault,
  });
  expect(response.ok(), await response.text()).toBe(true);
}

/** Selects the option whose text matches (server options read "name — address:port (status)"). */
export async function selectByText(select: Locator, text: string | RegExp) {
  const value = await select.locator('option').filter({ hasText: text }).first().getAttribute('value');
  if (value === null) throw new Error(`no option matching ${String(text)}`);
  await select.selectOption(value);
}
