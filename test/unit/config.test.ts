import { formatConfigProblems, loadConfig } from '@diemcau/server';
import { describe, expect, it } from 'vitest';

describe('loadConfig', () => {
  it('fills defaults for an empty environment', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      nodeEnv: 'development',
      port: 4000,
      databaseUrl: undefined,
      logLevel: 'info',
      publicOrigins: [],
      bodyLimit: 1024 * 1024,
    });
    expect(result.config.dataDir).toMatch(/\.data\/pg$/);
  });

  it('parses every variable it is given', () => {
    const result = loadConfig({
      NODE_ENV: 'production',
      SECRET_KEY: 'a-production-secret-of-at-least-32-characters',
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/diemcau',
      LOG_LEVEL: 'warn',
      PUBLIC_ORIGINS: 'https://portal.thanhhoa.vn, http://localhost:3000/',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        isProduction: true,
        port: 8080,
        databaseUrl: 'postgres://u:p@db:5432/diemcau',
        logLevel: 'warn',
        publicOrigins: ['https://portal.thanhhoa.vn', 'http://localhost:3000'],
      },
    });
  });

  it('lists every problem at once and never echoes a secret', () => {
    const result = loadConfig({
      PORT: 'eighty',
      NODE_ENV: 'staging',
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      LOG_LEVEL: 'loud',
      PUBLIC_ORIGINS: 'portal.thanhhoa.vn',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = formatConfigProblems(result.problems);
    for (const name of ['PORT', 'NODE_ENV', 'DATABASE_URL', 'LOG_LEVEL', 'PUBLIC_ORIGINS']) {
      expect(text).toContain(`${name}:`);
    }
    expect(result.problems).toHaveLength(5);
    expect(text).not.toContain('hunter2');
    expect(text).toContain('(got "eighty")');
  });

  it('requires SECRET_KEY in production', () => {
    const result = loadConfig({ NODE_ENV: 'production' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/^SECRET_KEY: required in production/m);
  });

  it('treats empty values as unset', () => {
    const result = loadConfig({ PORT: '', DATABASE_URL: '' });
    expect(result).toMatchObject({ ok: true, config: { port: 4000, databaseUrl: undefined } });
  });
});
