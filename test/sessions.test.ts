// Sign-in, sessions and users: the rate limit, expiry, disabling, and the `drawdown user` command.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.ts';
import { hashPassword } from '../src/server/passwords.ts';
import { SIGN_IN_LIMIT } from '../src/server/routes/session.ts';
import type { MissionStore } from '../src/store/store.ts';
import { drawdown } from './cli.ts';
import { PASSWORD, testStore } from './support/server.ts';

let store: MissionStore;
let app: FastifyInstance;
let clock = new Date('2026-01-01T08:00:00Z');

beforeAll(async () => {
  store = await testStore();
  await store.access.addUser({ name: 'ops', passwordHash: await hashPassword(PASSWORD), role: 'operations_centre', clearance: 'confidential' });
  app = buildServer({ store, now: () => clock });
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const signIn = (name: string, password: string, ip = '10.0.0.1') => app.inject({ method: 'POST', url: '/api/session', payload: { name, password }, remoteAddress: ip });
const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;

describe('sessions', () => {
  it('signs in with a cookie that is httpOnly and SameSite=Strict, and signs out', async () => {
    const res = await signIn('ops', PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const cookie = cookieOf(res);
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).json()).toMatchObject({ name: 'ops', role: 'operations_centre' });
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': res.json().csrf } });
    expect(out.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('slows brute force: after repeated failures even the right password waits', async () => {
    for (let i = 0; i < SIGN_IN_LIMIT.failures; i++) expect((await signIn('ops', `guess ${i}`)).statusCode).toBe(401);
    const blocked = await signIn('ops', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('DRW_RATE_LIMITED');
    // Another address is not held back; after the window, this one is free again.
    expect((await signIn('ops', PASSWORD, '10.0.0.2')).statusCode).toBe(200);
    clock = new Date(clock.getTime() + (SIGN_IN_LIMIT.windowMinutes + 1) * 60_000);
    expect((await signIn('ops', PASSWORD)).statusCode).toBe(200);
  });

  it('ends sessions when they expire, and at once when the user is disabled', async () => {
    const cookie = cookieOf(await signIn('ops', PASSWORD, '10.0.0.3'));
    clock = new Date(clock.getTime() + 9 * 3600_000);
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    const fresh = cookieOf(await signIn('ops', PASSWORD, '10.0.0.3'));
    expect((await app.inject({ url: '/api/state', headers: { cookie: fresh } })).statusCode).toBe(200);
    await store.access.disableUser('ops');
    expect((await app.inject({ url: '/api/state', headers: { cookie: fresh } })).statusCode).toBe(401);
    expect((await signIn('ops', PASSWORD, '10.0.0.3')).statusCode).toBe(401);
  });
});

describe('drawdown user', () => {
  it('adds, lists and disables users, and refuses a weak password with the field', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'drawdown-users-')), 'm.db');
    expect(drawdown(['init', 'scenarios/examples/two-camps.yaml', '--db', db]).code).toBe(0);
    const weak = drawdown(['user', 'add', 'amina', '--role', 'analyst', '--clearance', 'confidential', '--db', db], { input: 'short' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/password: must be at least 10 characters/);
    const bad = drawdown(['user', 'add', 'amina', '--role', 'general', '--clearance', 'confidential', '--db', db], { input: 'long enough password' });
    expect(bad.stderr).toMatch(/role:/);
    expect(drawdown(['user', 'add', 'amina', '--role', 'analyst', '--clearance', 'confidential', '--db', db], { input: 'long enough password' }).code).toBe(0);
    const list = JSON.parse(drawdown(['user', 'list', '--db', db, '--format', 'json']).stdout);
    expect(list).toEqual([expect.objectContaining({ name: 'amina', role: 'analyst', clearance: 'confidential', disabled: false })]);
    expect(JSON.stringify(list)).not.toMatch(/scrypt/);
    expect(drawdown(['user', 'disable', 'amina', '--db', db]).code).toBe(0);
    expect(JSON.parse(drawdown(['user', 'list', '--db', db, '--format', 'json']).stdout)[0].disabled).toBe(true);
  });
});
