// The log's hash chain: each entry's hash covers the previous hash and the entry's own fields,
// so changing, removing or reordering any entry breaks every hash after it.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export type ChainFields = { seq: number; recorded_at: string; actor: string; type: string; on_date: string; payload: string };

export function entryHash(prevHash: string, e: ChainFields): string {
  return sha256(`${prevHash}\n${canonicalJson({ seq: e.seq, recorded_at: e.recorded_at, actor: e.actor, type: e.type, on_date: e.on_date, payload: e.payload })}`);
}
