// Answers of read routes kept between writes. A cacheable route's answer depends only on its
// query, the caller's clearance and the mission's version (log head and current plan), so many
// readers share one computed, serialised answer. The audit trail stays per reader: the audit
// entries a computation wrote are written again, under the new reader's name, on every hit.
import type { Classification } from '../domain/security/access.ts';

export type AuditCall = { action: string; target: string; classification: Classification | undefined };
export type CachedAnswer = { body: string; audits: AuditCall[] };

export class ReadCache {
  private readonly answers = new Map<string, CachedAnswer>();
  // Answers being computed: right after a write many readers miss at once, and they wait for
  // the one computation instead of each making its own.
  private readonly pending = new Map<string, Promise<CachedAnswer>>();
  constructor(private readonly size = 128) {}

  /** The answer for `key`: kept, being computed, or computed now by `compute`. */
  async answer(key: string, compute: () => Promise<CachedAnswer>): Promise<{ answer: CachedAnswer; computed: boolean }> {
    const kept = this.get(key);
    if (kept) return { answer: kept, computed: false };
    const inFlight = this.pending.get(key);
    if (inFlight) return { answer: await inFlight, computed: false };
    const made = compute();
    this.pending.set(key, made);
    try {
      const answer = await made;
      this.set(key, answer);
      return { answer, computed: true };
    } finally {
      this.pending.delete(key);
    }
  }

  static key(url: string, query: unknown, clearance: Classification, version: string): string {
    return `${url}\u0000${JSON.stringify(query ?? {})}\u0000${clearance}\u0000${version}`;
  }

  get(key: string): CachedAnswer | undefined {
    const hit = this.answers.get(key);
    if (hit) {
      // Most recently used last, so the oldest goes first when full.
      this.answers.delete(key);
      this.answers.set(key, hit);
    }
    return hit;
  }

  set(key: string, answer: CachedAnswer): void {
    this.answers.set(key, answer);
    if (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
  }
}
