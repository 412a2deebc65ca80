// The mission's version: the log's last hash and the current plan's save time. It changes with
// every append and every save of the current plan; readers key their caches on it.
export type MissionVersion = { log: string; plan: string; key: string };

export function missionVersion(log: string | null | undefined, plan: string | null | undefined): MissionVersion {
  const l = log ?? '-';
  const p = plan ?? '-';
  return { log: l, plan: p, key: `${l}|${p}` };
}
