import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createSecretBox, loadSecretKey } from '../src/services/secret-box.ts';
import { createTestApp, type Caller, type TestApp } from './support/test-app.ts';

let t: TestApp;
let auditor: Caller;
beforeAll(async () => {
  t = await createTestApp();
  auditor = await t.callerWithRole('auditor');
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('/healthz and /readyz answer without credentials', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('/metrics serves Prometheus text to a signed-in caller', async () => {
    await auditor.request({ url: '/api/servers' });
    const res = await auditor.request({ url: '/metrics' });
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('syncsafe_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/api/servers"');
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
  });

  it('/api/openapi.json documents every route with its schemas and security', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/servers', '/api/servers/{id}', '/api/servers/{id}/licenses', '/api/audit', '/api/audit/verify', '/api/auth/login', '/api/users', '/api/tokens']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/servers'].post.requestBody.content['application/json'].schema.properties.port).toMatchObject({ minimum: 1, maximum: 65535 });
    expect(doc.components.securitySchemes).toHaveProperty('token');
  });

  it('/api/docs serves the API reference page', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('secret key', () => {
  it('creates a key file with mode 0600 once, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncsafe-key-'));
    try {
      const key = loadSecretKey(undefined, dir);
      expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
      expect(loadSecretKey(undefined, dir).equals(key)).toBe(true);
      expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(key.toString('base64'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes SYNCSAFE_SECRET_KEY as hex or base64 and refuses a wrong length', () => {
    expect(loadSecretKey('ab'.repeat(32), '/nonexistent')).toHaveLength(32);
    expect(loadSecretKey(Buffer.alloc(32, 1).toString('base64'), '/nonexistent')).toHaveLength(32);
    expect(() => loadSecretKey('c2hvcnQ=', '/nonexistent')).toThrow(/32 bytes/);
  });

  it('detects a tampered ciphertext', () => {
    const box = createSecretBox(Buffer.alloc(32, 3));
    const sealed = box.seal('pw', 'id-1');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('xx').toString('base64url');
    expect(() => box.open(parts.join('.'), 'id-1')).toThrow();
  });
});

describe('configuration', () => {
  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ SYNCSAFE_ADMIN_PASSWORD: 'short' })).toThrow(/SYNCSAFE_ADMIN_PASSWORD must be at least 12/);
  });
});
