// The store's behaviour on every dialect: the same calls, the same answers, and the rows as the
// database really holds them.
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { MissionEvent } from '../domain/events/schema.ts';
import { planSchema } from '../domain/plan/schema.ts';
import { DIALECTS, emptyTarget, missionStore } from '../../test/support/dialects.ts';
import { copyMission } from './copy.ts';
import { type MissionStore, openStore } from './store.ts';
import { LATEST_MIGRATION } from './migrations/index.ts';

const restriction = (on: string, denied = 1): MissionEvent => ({ type: 'restriction', on, domain: 'air', imposed_by: 'host state', requested: denied, denied }) as MissionEvent;

const opened: MissionStore[] = [];
const keep = (s: MissionStore) => (opened.push(s), s);
afterAll(async () => {
  for (const s of opened) await s.close().catch(() => undefined);
});

describe.each(DIALECTS)('the mission store on %s', (dialect) => {
  const fresh = async () => {
    const m = await missionStore(dialect);
    keep(m.store);
    return m;
  };

  it('creates a mission whose log starts with mission_created and verifies', async () => {
    const { store } = await fresh();
    expect(store.dialect).toBe(dialect);
    expect((await store.requireMission()).name).toBe('Tutorial — two camps');
    const entries = await store.entries();
    expect(entries.map((e) => [e.seq, e.type])).toEqual([[1, 'mission_created']]);
    expect(await store.verifyChain()).toMatchObject({ ok: true, entries: 1 });
    const rows = await store.connection.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect((rows as { name: string }[]).map((r) => r.name).sort().at(-1)).toBe(LATEST_MIGRATION);
  });

  it('appends in order with a hash chain, and reads back exactly what was written', async () => {
    const { store } = await fresh();
    const written = await store.append([restriction('2024-03-02'), restriction('2024-03-03', 2)], 'alice');
    expect(written.map((e) => e.seq)).toEqual([2, 3]);
    expect(written[1]!.prev_hash).toBe(written[0]!.hash);
    const back = await store.entries();
    expect(back.slice(1)).toEqual(written);
    expect(await store.head()).toBe(3);
    expect((await store.entries({ type: 'restriction' })).length).toBe(2);
    const raw = await store.connection.db.selectFrom('log').select(['seq', 'actor', 'on_date']).orderBy('seq').execute();
    expect(raw.map((r) => [Number(r.seq), r.actor, r.on_date])).toEqual([[1, 'test', '2024-03-01'], [2, 'alice', '2024-03-02'], [3, 'alice', '2024-03-03']]);
  });

  it('refuses to replace a mission without force, and starts a new log with it', async () => {
    const { store } = await fresh();
    await store.append([restriction('2024-03-02')], 'alice');
    const m = await store.requireMission();
    const scenario = await store.scenario();
    await expect(store.createMission({ file: m.scenario_file, text: m.scenario_text, scenario, actor: 'bob' })).rejects.toMatchObject({ code: 'DRW_MISSION_EXISTS' });
    expect(await store.head()).toBe(2);
    await store.createMission({ file: m.scenario_file, text: m.scenario_text, scenario, actor: 'bob', force: true });
    expect((await store.entries()).map((e) => e.actor)).toEqual(['bob']);
    expect((await store.verifyChain()).ok).toBe(true);
  });

  it('the database itself refuses to change or delete a log entry', async () => {
    const { store } = await fresh();
    const db = store.connection.db;
    await expect(db.updateTable('log').set({ actor: 'mallory' }).where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('log').execute()).rejects.toThrow(/append-only/);
    expect(await store.head()).toBe(1);
  });

  it('log verify names an entry changed behind the store\'s back', async () => {
    const { store } = await fresh();
    await store.append([restriction('2024-03-02'), restriction('2024-03-03')], 'alice');
    // Someone with raw access lifts the guard first.
    if (dialect === 'sqlite') {
      await sql`DROP TRIGGER log_no_update`.execute(store.connection.db);
    } else {
      await sql`ALTER TABLE log DISABLE TRIGGER log_no_change`.execute(store.connection.db);
    }
    await store.connection.db.updateTable('log').set({ payload: JSON.stringify({ ...restriction('2024-03-02', 9) }) }).where('seq', '=', 2).execute();
    expect(await store.verifyChain()).toMatchObject({ ok: false, broken: { seq: 2 } });
  });

  it('a write transaction that fails leaves nothing behind', async () => {
    const { store } = await fresh();
    await expect(
      store.connection.writeTransaction(async (trx) => {
        await trx.insertInto('users').values({ name: 'half', password_hash: 'x', role: 'viewer', clearance: 'unclassified', disabled: 0, created_at: 'now' }).execute();
        throw new Error('fails half-way');
      }),
    ).rejects.toThrow(/half-way/);
    expect(await store.access.user('half')).toBeUndefined();
    // An append with one event that cannot be stored writes none of them.
    const bad = { ...restriction('2024-03-04'), on: undefined } as unknown as MissionEvent;
    await expect(store.append([restriction('2024-03-02'), bad], 'alice')).rejects.toThrow();
    expect(await store.head()).toBe(1);
  });

  it('keeps plans: save, replace, list by kind, delete', async () => {
    const { store } = await fresh();
    const p = planSchema.parse({ scenario: 'two-camps.yaml', horizon: { start: '2024-03-01', end: '2024-03-20' }, objective: { total: 1, value_recovered: 0, value_lost: 0, risk: 0, cost: 1 }, bound: null, gap: null, solve_seconds: 0.1, closures: [], movements: [], dispositions: [] });
    await store.savePlan({ name: 'current', kind: 'current', asOf: '2024-03-02', logSeq: 1, events: '', plan: p, summary: { a: 1 } });
    await store.savePlan({ name: 'b1', kind: 'backup', asOf: '2024-03-02', logSeq: 1, events: '{}', plan: p, summary: null });
    await store.savePlan({ name: 'current', kind: 'current', asOf: '2024-03-03', logSeq: 1, events: '', plan: p, summary: { a: 2 } });
    expect((await store.plan())!.asOf).toBe('2024-03-03');
    expect((await store.plan())!.summary).toEqual({ a: 2 });
    expect((await store.plans('backup')).map((x) => x.name)).toEqual(['b1']);
    expect((await store.plans()).map((x) => x.name)).toEqual(['b1', 'current']);
    expect(await store.deletePlan('b1')).toBe(true);
    expect(await store.deletePlan('b1')).toBe(false);
  });

  it('users, sessions and the audit trail; disabling a user ends their sessions', async () => {
    const { store } = await fresh();
    const a = store.access;
    await a.addUser({ name: 'ana', passwordHash: 'scrypt$x', role: 'analyst', clearance: 'confidential' });
    await expect(a.addUser({ name: 'ana', passwordHash: 'y', role: 'viewer', clearance: 'unclassified' })).rejects.toThrow();
    await a.createSession({ id: 's1', user: 'ana', csrf: 'c1', expiresAt: '2999-01-01T00:00:00.000Z' });
    expect(await a.session('s1')).toEqual({ user: 'ana', csrf: 'c1', expiresAt: '2999-01-01T00:00:00.000Z' });
    expect(await a.disableUser('ana')).toBe(true);
    expect(await a.session('s1')).toBeUndefined();
    expect((await a.user('ana'))!.disabled).toBe(true);
    await a.audit({ user: 'ana', action: 'read', target: 'incident 4', classification: 'confidential' });
    await a.audit({ user: 'ana', action: 'write', target: 'log', classification: 'unclassified' });
    const trail = await a.auditTrail();
    expect(trail.map((t) => t.action)).toEqual(['write', 'read']);
    expect(Number(trail[0]!.seq)).toBeGreaterThan(Number(trail[1]!.seq));
  });

  it('the review queue, proposals and report copies (bytes intact)', async () => {
    const { store } = await fresh();
    const a = store.access;
    await a.queueCandidates([{ kind: 'incident' }, { kind: 'movement' }], 'ana', (c) => ((c as { kind: string }).kind === 'incident' ? 1 : null));
    const queued = await a.candidates();
    expect(queued.map((c) => [c.candidate, c.duplicate_of, c.status])).toEqual([[{ kind: 'incident' }, 1, 'pending'], [{ kind: 'movement' }, null, 'pending']]);
    await a.decideCandidate(queued[1]!.id, { status: 'rejected', by: 'ana', reason: 'old news' });
    expect((await a.candidate(queued[1]!.id))).toMatchObject({ status: 'rejected', reason: 'old news', decided_by: 'ana' });
    const p = await a.propose({ lot: 'alpha-containers', site: 'alpha', count: 2, action: 'destroy', on_date: '2024-03-05', reason: 'no trucks', classification: 'restricted', proposed_by: 'pat' });
    expect(p).toMatchObject({ status: 'proposed', count: 2 });
    await a.decide(p.id, 'approved', 'chief');
    expect(await a.proposal(p.id)).toMatchObject({ status: 'approved', decided_by: 'chief' });
    const bytes = Buffer.from([0, 1, 2, 255, 254, 0, 37, 80, 68, 70]);
    const id = await a.keepReport({ copyId: 'SR-1', kind: 'sitrep', on: '2024-03-05', madeBy: 'ana', recipient: 'ana', marking: 'RESTRICTED', sha256: 'h', file: bytes });
    const back = await a.reportFile(id);
    expect(Buffer.compare(Buffer.from(back!.file), bytes)).toBe(0);
    expect((await a.reports()).map((r) => r.copy_id)).toEqual(['SR-1']);
  });

  it('opens again without migrating twice, and refuses a target that is not a store when it must exist', async () => {
    const { store, target } = await fresh();
    await store.close();
    const again = keep(await openStore(target, { mustExist: true }));
    expect((await again.verifyChain()).ok).toBe(true);
    const empty = await emptyTarget(dialect);
    await expect(openStore(empty, { mustExist: true })).rejects.toMatchObject({ code: dialect === 'sqlite' ? 'DRW_NO_MISSION' : 'DRW_STORE_UNOPENABLE' });
  });

  it('several processes appending at once keep one order and an intact chain', async () => {
    const { store, target } = await fresh();
    const writers = 4;
    const each = 15;
    const codes = await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        new Promise<number>((resolve) => {
          const p = spawn(process.execPath, ['--import', 'tsx', 'test/support/append-worker.ts', target, `w${w}`, String(each)], { stdio: ['ignore', 'ignore', 'inherit'] });
          p.on('exit', (code) => resolve(code ?? -1));
        }),
      ),
    );
    expect(codes).toEqual(Array(writers).fill(0));
    const entries = await store.entries();
    expect(entries.length).toBe(1 + writers * each);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    // Each writer's own events stay in the order it wrote them.
    for (let w = 0; w < writers; w += 1) {
      const mine = entries.filter((e) => e.actor === `w${w}`).map((e) => (e.event as { requested: number }).requested);
      expect(mine).toEqual(Array.from({ length: each }, (_, i) => i + 1));
    }
    expect(await store.verifyChain()).toMatchObject({ ok: true, entries: 1 + writers * each });
  });

  describe.each(DIALECTS)(`copied from ${dialect} to %s`, (to) => {
    it('holds the same mission, log, users and files, and refuses to overwrite without replace', async () => {
      const { store: source } = await fresh();
      await source.append([restriction('2024-03-02'), restriction('2024-03-03')], 'alice');
      await source.access.addUser({ name: 'ana', passwordHash: 'scrypt$x', role: 'analyst', clearance: 'secret' });
      await source.access.createSession({ id: 'secret-session', user: 'ana', csrf: 'c', expiresAt: '2999-01-01T00:00:00.000Z' });
      await source.access.audit({ user: 'ana', action: 'read', target: 'x', classification: 'secret' });
      await source.access.keepReport({ copyId: 'SR-2', kind: 'sitrep', on: '2024-03-05', madeBy: 'ana', recipient: 'ana', marking: 'SECRET', sha256: 'h', file: Buffer.from('%PDF-1.7\n\u0000\u00ff', 'latin1') });
      const target = keep(await openStore(await emptyTarget(to)));
      const report = await copyMission(source, target);
      expect(report.rows).toMatchObject({ mission: 1, log: 3, users: 1, audit: 1, reports: 1 });
      expect(report.chain).toMatchObject({ ok: true, entries: 3 });
      expect(await target.entries()).toEqual(await source.entries());
      expect(await target.access.users()).toEqual(await source.access.users());
      expect(await target.access.session('secret-session')).toBeUndefined();
      const file = await target.access.reportFile(1);
      expect(Buffer.from(file!.file).toString('latin1')).toBe('%PDF-1.7\n\u0000\u00ff');
      // New rows after a copy get new ids, past the copied ones.
      await target.access.audit({ user: 'ana', action: 'write', target: 'y', classification: 'unclassified' });
      expect((await target.access.auditTrail()).map((r) => Number(r.seq))).toEqual([2, 1]);
      await expect(copyMission(source, target)).rejects.toMatchObject({ code: 'DRW_MISSION_EXISTS' });
      await source.append([restriction('2024-03-04')], 'alice');
      const again = await copyMission(source, target, { replace: true });
      expect(again.chain).toMatchObject({ ok: true, entries: 4 });
      expect((await target.access.auditTrail()).length).toBe(1);
    });
  });
});
