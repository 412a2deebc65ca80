// Recording events from JSON lines: every line validated and checked against the log (and the
// current plan, for departures named by movement id) before any is written, then all in one
// transaction.
import { DrawdownError } from '../domain/errors.ts';
import { validateEventLines } from '../domain/events/lines.ts';
import type { AlongWithAppend, LogEntry, MissionStore } from '../store/store.ts';
import { loadMission, missionFold, missionPlan } from './mission.ts';

// Another writer (a second server process, a CLI run) may append between our check and our
// write; then the events are checked again against the longer log. Bounded, so a busy log
// answers with a conflict rather than spinning.
const ATTEMPTS = 8;

// Writers in one process take turns, so they never race each other to the head; only writers in
// other processes (another server, a CLI run) can make a check go stale.
const turns = new WeakMap<MissionStore, Promise<unknown>>();

/** `along`: what the write also decides (audit entries, a candidate accepted, a proposal done), in the same transaction. */
export async function recordLines(store: MissionStore, text: string, name: string, actor: string, along: AlongWithAppend = {}): Promise<LogEntry[]> {
  const previous = turns.get(store) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(() => checkAndAppend(store, text, name, actor, along));
  turns.set(store, mine.catch(() => undefined));
  return mine;
}

async function checkAndAppend(store: MissionStore, text: string, name: string, actor: string, along: AlongWithAppend): Promise<LogEntry[]> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    // The mission's head is the last entry its events were read up to: the write must follow it.
    const mission = await loadMission(store);
    const head = mission.head;
    const result = validateEventLines(text, mission.scenario, mission.events, missionPlan(mission)?.plan, missionFold(mission));
    if (!result.ok) {
      const lines = result.problems.map((p) => `${name}:${p.line} ${p.field}: ${p.message}`);
      throw new DrawdownError('DRW_EVENT_INVALID', `${name}: ${lines.length} event problem${lines.length === 1 ? '' : 's'}; nothing was recorded`, lines);
    }
    if (result.events.length === 0) throw new DrawdownError('DRW_EVENT_INVALID', `${name}: no events to record`);
    const written = await store.appendAt(head, result.events, actor, along);
    if (written) return written;
  }
  throw new DrawdownError('DRW_EVENT_CONFLICT', `${name}: the log kept changing while these events were checked; nothing was recorded`);
}
