import { describe, expect, it } from 'vitest';
import { paths, safeNextPath, withQuery } from './paths.ts';

describe('safeNextPath', () => {
  it('keeps a same-origin path with its query', () => expect(safeNextPath('/audit?kind=server')).toBe('/audit?kind=server'));
  it.each([null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', '/login', '/login?next=/x'])('sends %s to Servers', (next) =>
    expect(safeNextPath(next)).toBe('/servers'),
  );
});

describe('paths', () => {
  it('leaves out empty query values and encodes ids', () => {
    expect(withQuery('/api/audit', { actor: 'admin', kind: '', before: undefined, limit: 50 })).toBe('/api/audit?actor=admin&limit=50');
    expect(paths.api.serverLicense('a/b', 'KEY-1')).toBe('/api/servers/a%2Fb/licenses/KEY-1');
    expect(paths.login.href('/audit?x=1')).toBe('/login?next=%2Faudit%3Fx%3D1');
  });
});
