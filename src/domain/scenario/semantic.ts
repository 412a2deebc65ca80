// Checks a well-typed scenario for what the schema alone cannot see: references between parts,
// uniqueness, dates inside the horizon, and that every camp can reach an exit.
import { suggest } from '../suggest.ts';
import { formatPath, type PathSegment } from './locate.ts';
import { locatedTotals } from './pieces.ts';
import type { Scenario } from './schema.ts';

export type SemanticProblem = {
  path: PathSegment[];
  message: string;
  hint: string;
};

export function checkScenario(s: Scenario): SemanticProblem[] {
  const references = [...checkIds(s), ...checkLegs(s)];
  // Reachability over broken references would only repeat them in other words.
  const reach = references.length === 0 ? checkReachability(s) : [];
  return [...checkHorizon(s), ...references, ...checkSites(s), ...checkClosures(s), ...checkRules(s), ...checkProgress(s), ...reach];
}

function checkHorizon(s: Scenario): SemanticProblem[] {
  if (s.end > s.start) return [];
  return [{ path: ['end'], message: `is ${s.end}, not after start ${s.start}`, hint: 'set end to a later day than start' }];
}

function checkIds(s: Scenario): SemanticProblem[] {
  const out: SemanticProblem[] = [];
  const seen = new Map<string, string>();
  const claim = (kind: string, id: string, path: PathSegment[]) => {
    const key = `${kind}:${id}`;
    const first = seen.get(key);
    if (first) out.push({ path, message: `duplicate ${kind} id "${id}" (first used at ${first})`, hint: `give each ${kind} its own id` });
    else seen.set(key, formatPath(path));
  };
  s.sites.forEach((site, i) => {
    claim('site', site.id, ['sites', i, 'id']);
    site.personnel.forEach((g, j) => claim('personnel group', g.group, ['sites', i, 'personnel', j, 'group']));
    site.lots.forEach((lot, j) => claim('lot', lot.id, ['sites', i, 'lots', j, 'id']));
  });
  return out;
}

function checkSites(s: Scenario): SemanticProblem[] {
  const out: SemanticProblem[] = [];
  s.sites.forEach((site, i) => {
    const at = (field: string): PathSegment[] => ['sites', i, field];
    if (site.kind === 'exit') {
      if (site.deadline) out.push({ path: at('deadline'), message: `exit "${site.id}" has a deadline`, hint: 'remove it: an exit is where things leave the theatre and has no deadline' });
      if (site.lots.length > 0) out.push({ path: at('lots'), message: `exit "${site.id}" holds lots`, hint: 'put the lots at the camp or hub they start from' });
      if (site.personnel.length > 0) out.push({ path: at('personnel'), message: `exit "${site.id}" holds personnel`, hint: 'put the people at the camp or hub they start from' });
      if (site.guard > 0) out.push({ path: at('guard'), message: `exit "${site.id}" has a guard`, hint: 'remove it: a guard stays at a camp or hub' });
      if (site.recipient) out.push({ path: at('recipient'), message: `exit "${site.id}" has a recipient`, hint: 'remove it: only camps and hubs are handed over' });
      if (site.hold_until) out.push({ path: at('hold_until'), message: `exit "${site.id}" has hold_until`, hint: 'remove it: only camps and hubs are held' });
      return;
    }
    if (site.hold_until !== undefined && site.deadline !== undefined && site.hold_until > site.deadline) {
      out.push({ path: at('hold_until'), message: `${site.hold_until} is after the deadline ${site.deadline}`, hint: 'a site is held at most until its deadline' });
    }
    if (site.hold_until !== undefined && site.guard === 0) out.push({ path: at('hold_until'), message: `"${site.id}" is held until ${site.hold_until} but has no guard`, hint: 'set guard: the number of essential people who hold the site' });
    if (!site.deadline) {
      out.push({ path: ['sites', i], message: `${site.kind} "${site.id}" has no deadline`, hint: `add deadline: YYYY-MM-DD, between ${s.start} and ${s.end}` });
    } else if (site.deadline < s.start && s.progress) {
      // Mid-operation, a site whose deadline has passed is fine as long as it is empty.
      const held = heldAt(s, site.id);
      if (held > 0) out.push({ path: at('deadline'), message: `${site.deadline} has passed on ${s.start}, yet ${held} units and people are still at or bound for "${site.id}"`, hint: 'move the deadline to a day on or after start, or account for what is still there' });
    } else if (site.deadline < s.start || site.deadline > s.end) {
      out.push({ path: at('deadline'), message: `${site.deadline} is outside the horizon ${s.start} to ${s.end}`, hint: 'choose a deadline inside the horizon, or widen start/end' });
    }
  });
  return out;
}

/** Units and people at a site (or arriving there) in a scenario that starts mid-operation. */
function heldAt(s: Scenario, siteId: string): number {
  const away = locatedTotals(s);
  const site = s.sites.find((x) => x.id === siteId)!;
  const home = [...site.lots.map((l) => l.count - (away.lots.get(l.id) ?? 0)), ...site.personnel.map((g) => g.count - (away.groups.get(g.group) ?? 0))];
  const located = (s.progress?.located ?? []).filter((l) => l.site === siteId).reduce((a, l) => a + l.count, 0);
  return home.reduce((a, n) => a + Math.max(0, n), 0) + located;
}

/** The `progress` section: what it names exists, the counts fit, its days are inside the horizon. */
function checkProgress(s: Scenario): SemanticProblem[] {
  if (!s.progress) return [];
  const out: SemanticProblem[] = [];
  const sites = new Map(s.sites.map((x) => [x.id, x]));
  const lots = new Map(s.sites.flatMap((x) => x.lots.map((l) => [l.id, l.count] as const)));
  const groups = new Map(s.sites.flatMap((x) => x.personnel.map((g) => [g.group, g.count] as const)));
  const away = locatedTotals(s);
  s.progress.located.forEach((l, i) => {
    const path = (f: string): PathSegment[] => ['progress', 'located', i, f];
    if (l.lot !== undefined && !lots.has(l.lot)) out.push(unknownThing(path('lot'), 'lot', l.lot, lots.keys()));
    if (l.group !== undefined && !groups.has(l.group)) out.push(unknownThing(path('group'), 'personnel group', l.group, groups.keys()));
    const site = sites.get(l.site);
    if (!site) out.push(unknownSite(path('site'), l.site, sites.keys()));
    else if (site.kind === 'exit') out.push({ path: path('site'), message: `"${l.site}" is an exit`, hint: 'what has reached an exit has left the theatre: leave it out and lower the count' });
    if (l.arrives !== undefined && (l.arrives < s.start || l.arrives > s.end)) out.push({ path: path('arrives'), message: `${l.arrives} is outside the horizon ${s.start} to ${s.end}`, hint: 'a unit under way arrives on or after start' });
  });
  for (const [id, n] of away.lots) {
    const have = lots.get(id);
    if (have !== undefined && n > have) out.push({ path: ['progress', 'located'], message: `${n} units of lot ${id} are located, but the lot has ${have}`, hint: 'a lot\'s count is every unit still in the theatre, its own site\'s included' });
  }
  for (const [id, n] of away.groups) {
    const have = groups.get(id);
    if (have !== undefined && n > have) out.push({ path: ['progress', 'located'], message: `${n} people of ${id} are located, but the group has ${have}`, hint: 'a group\'s count is every person still in the theatre' });
  }
  s.progress.busy.forEach((b, i) => {
    if (b.until < s.start) out.push({ path: ['progress', 'busy', i, 'until'], message: `${b.until} is before start ${s.start}`, hint: 'list only trucks and escorts still busy on or after start' });
  });
  if (s.progress.since !== undefined && s.progress.since > s.start) out.push({ path: ['progress', 'since'], message: `${s.progress.since} is after start ${s.start}`, hint: 'since is the first day of the operation' });
  return out;
}

function unknownThing(path: PathSegment[], kind: string, id: string, known: Iterable<string>): SemanticProblem {
  const near = suggest(id, known);
  return { path, message: `unknown ${kind} "${id}"`, hint: near ? `did you mean "${near}"?` : `use the id of a ${kind} listed under sites` };
}

function checkLegs(s: Scenario): SemanticProblem[] {
  const out: SemanticProblem[] = [];
  const sites = new Map(s.sites.map((x) => [x.id, x]));
  const seen = new Map<string, number>();
  s.legs.forEach((leg, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!sites.has(leg[end])) out.push(unknownSite(['legs', i, end], leg[end], sites.keys()));
    }
    if (leg.from === leg.to) out.push({ path: ['legs', i, 'to'], message: `leg goes from "${leg.from}" to itself`, hint: 'a leg links two different sites' });
    if (sites.get(leg.from)?.kind === 'exit') out.push({ path: ['legs', i, 'from'], message: `leg leaves exit "${leg.from}"`, hint: 'nothing comes back from an exit; remove the leg or make the site a hub' });
    const key = `${leg.from}>${leg.to}:${leg.mode}`;
    const first = seen.get(key);
    if (first !== undefined) out.push({ path: ['legs', i], message: `duplicate ${leg.mode} leg ${leg.from} → ${leg.to} (first at legs[${first}])`, hint: 'keep one leg per direction and mode' });
    else seen.set(key, i);
  });
  return out;
}

function checkClosures(s: Scenario): SemanticProblem[] {
  const out: SemanticProblem[] = [];
  const legs = new Set(s.legs.map((l) => `${l.from}>${l.to}:${l.mode}`));
  s.closures.forEach((c, i) => {
    if (!legs.has(`${c.from}>${c.to}:${c.mode}`)) {
      out.push({ path: ['closures', i], message: `no ${c.mode} leg ${c.from} → ${c.to} to close`, hint: 'name a leg listed under legs (from, to and mode)' });
    }
    if (c.last < c.first) out.push({ path: ['closures', i, 'last'], message: `${c.last} is before first ${c.first}`, hint: 'a closure runs from first to last, inclusive' });
  });
  return out;
}

function checkRules(s: Scenario): SemanticProblem[] {
  const out: SemanticProblem[] = [];
  for (const kind of Object.keys(s.rules) as (keyof Scenario['rules'])[]) {
    if (s.rules[kind].length > 0) continue;
    const lots = s.sites.flatMap((site) => site.lots.filter((l) => l.kind === kind).map((l) => l.id));
    if (lots.length > 0) out.push({ path: ['rules', kind], message: `allows nothing for ${kind}, yet lots ${lots.slice(0, 3).join(', ')}${lots.length > 3 ? '…' : ''} are ${kind}`, hint: 'allow move or a disposal for this kind' });
  }
  for (const kind of ['ammunition', 'weapon'] as const) {
    const bad = s.rules[kind].filter((a) => a === 'hand_over' || a === 'sell');
    if (bad.length > 0) {
      out.push({ path: ['rules', kind], message: `allows ${bad.join(' and ')} for ${kind}`, hint: `UN rules: ${kind} is moved or destroyed, never handed over or sold; remove ${bad.join(', ')}` });
    }
  }
  return out;
}

/** Every camp and hub must have some chain of legs (any mode, closures ignored) to an exit. */
function checkReachability(s: Scenario): SemanticProblem[] {
  const into = new Map<string, string[]>();
  for (const leg of s.legs) into.set(leg.to, [...(into.get(leg.to) ?? []), leg.from]);
  const reaches = new Set(s.sites.filter((x) => x.kind === 'exit').map((x) => x.id));
  const queue = [...reaches];
  while (queue.length > 0) {
    const here = queue.pop()!;
    for (const from of into.get(here) ?? []) {
      if (!reaches.has(from)) {
        reaches.add(from);
        queue.push(from);
      }
    }
  }
  const out: SemanticProblem[] = [];
  if (!s.sites.some((x) => x.kind === 'exit')) {
    out.push({ path: ['sites'], message: 'no site is an exit', hint: 'add a site with kind: exit (an airport or port corridor where things leave the theatre)' });
    return out;
  }
  s.sites.forEach((site, i) => {
    if (site.kind !== 'exit' && !reaches.has(site.id)) {
      out.push({ path: ['sites', i, 'id'], message: `${site.kind} "${site.id}" has no path of legs to any exit`, hint: 'add a road or air leg from it toward a hub or exit' });
    }
  });
  return out;
}

function unknownSite(path: PathSegment[], id: string, known: Iterable<string>): SemanticProblem {
  const near = suggest(id, known);
  return { path, message: `unknown site "${id}"`, hint: near ? `did you mean "${near}"?` : 'use the id of a site listed under sites' };
}

