import { describe, expect, it } from 'vitest';
import { normalizeFieldPath, readApiError } from './api-error.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe('readApiError', () => {
  it('reads the code, message and one message per field of a validation error', async () => {
    const error = await readApiError(
      json(400, {
        error: {
          code: 'validation_failed',
          message: 'port: too big',
          details: [
            { field: 'port', message: 'Port must be between 1 and 65535' },
            { field: 'networkAdapters.1', message: 'Adapter name is required' },
            { field: 'port', message: 'a second message for port' },
          ],
        },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.fieldErrors).toEqual({ port: 'Port must be between 1 and 65535', 'networkAdapters.1': 'Adapter name is required' });
  });

  it('places a conflict that names one field at that field', async () => {
    const error = await readApiError(json(409, { error: { code: 'conflict', message: 'Server a already uses 10.0.0.1 port 6320', details: { field: 'address' } } }));
    expect(error.fieldErrors).toEqual({ address: 'Server a already uses 10.0.0.1 port 6320' });
  });

  it('survives a body that is not the API error shape', async () => {
    const error = await readApiError(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error.code).toBe('unexpected_response');
    expect(error.message).toContain('502');
    expect(error.fieldErrors).toEqual({});
  });
});

describe('normalizeFieldPath', () => {
  it.each([
    ['port', 'port'],
    ['body.port', 'port'],
    ['/networkAdapters/1', 'networkAdapters.1'],
    ['licenses[0]', 'licenses.0'],
  ])('%s → %s', (input, expected) => expect(normalizeFieldPath(input)).toBe(expected));
});
