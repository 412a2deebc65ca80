// Which kinds of event a sentence states, and their details. Each rule looks at one sentence,
// lower-cased and without accents; none knows the texts it was tried on.
import { actorsIn } from './actors.ts';
import { type Amount, amount, NUMBER, parseNumber, QUALIFIER } from './numbers.ts';

export type Reading = {
  kind: 'incident' | 'movement' | 'restriction' | 'disposal' | 'site_status';
  event_type?: string;
  sub_event_type?: string;
  fatalities?: number;
  injured?: number;
  quantity?: Record<string, Amount>;
  detail?: string;
  /** Where in the sentence the place that locates it should be looked for: after this index. */
  anchor?: number;
  strength: number;
};

const has = (t: string, re: RegExp) => re.test(t);
// "could not be moved" states a fact; "could be attacked" does not.
const HYPOTHETICAL = /\b((could|might|would|may)(?! (not|neither|never|no longer))|fears?|feared|threat(en)?s?|risk of|warn(ed|s|ing)?|possible|plans? to|planned|expected to|will|intends?|scheduled|set to)\b/;
const VICTIM_CIVILIANS = /\b(civilians?|drivers?|contractors?|villagers|passengers|traders|residents)\b/;

function count(t: string, nouns: string): Amount | undefined {
  const m = new RegExp(`${QUALIFIER}\\s*(${NUMBER})\\s+(?:[a-z-]+\\s+){0,2}(?:${nouns})\\b`).exec(t);
  if (!m) return undefined;
  const n = parseNumber(m[2]!.trim());
  return n === null ? undefined : amount(m[1], n);
}

function casualties(t: string, words: string, gerund: string): number | undefined {
  if (new RegExp(`\\bno (one|casualties|injuries|deaths)\\b|\\bwithout (casualties|injuries)\\b|no one was (${words})`).test(t)) return 0;
  const before = new RegExp(`(${NUMBER})\\s+(?:[a-z-]+\\s+){0,3}?(?:were|was|have been|had been|are|got)?\\s*(?:${words})\\b`).exec(t);
  const after = new RegExp(`\\b(?:${gerund})\\s+(?:at least\\s+)?(${NUMBER})`).exec(t);
  const m = before ?? after;
  if (!m) return undefined;
  const n = parseNumber(m[1]!.trim());
  return n ?? undefined;
}

export function readSentence(t: string): Reading[] {
  const out: Reading[] = [];
  const hypothetical = has(t, HYPOTHETICAL);
  const actors = actorsIn(t);
  const mission = actors.some((a) => a.name.startsWith('MINUSMA'));
  const armed = actors.some((a) => ['Rebel group', 'Political militia'].includes(a.type) || a.name === 'Military Forces of Mali' || a.name === 'Wagner Group');

  // Site status: a camp or base handed over, closed, or left for good.
  const site = /\b(hand(ed|ing|s)? over (the |its |their )?([\w'-]+ ){0,3}(camp|base|premises)|hand(ed|ing|s)? (the |its |their )?([\w'-]+ ){0,3}(camp|base|premises)( over)? to|(camp|base|premises) (was |has been |had been |is |were )?(formally )?(handed|transferred|closed|vacated|returned|retroceded|given back|turned over)|(closed|closing|vacated|shut|shuttered) (down )?(the |its |their )?([\w'-]+ ){0,3}(camp|base)|closure of (the |its )?([\w'-]+ ){0,3}(camp|base)|(left|quit|quitting|vacated|withdrew from|withdrawn from|pulled out of|departed|abandoned|evacuated|leaving) (the |its |their )?([\w'-]+ ){0,3}(camp|base)|transferred (the |its )?([\w'-]+ ){0,3}(camp|base)|withdrawal (of [\w' ]+ )?from (the |its )?([\w'-]+ ){0,3}(camp|base)|retrocession|took possession of (the |its )?([\w'-]+ ){0,3}(camp|base)|handover (ceremony|of the (camp|base)))/.exec(t);
  if (site && !hypothetical) {
    const recipient = /\bto (the )?((regional |interim )?governor[\w ]*?|prefect[\w ]*?|malian (army|armed forces|authorities)|fama|(civilian |local |malian |state )?authorities|civilian representatives?[\w ]*?)(?=[,.;]| on | in | and |$)/.exec(t);
    out.push({ kind: 'site_status', detail: recipient ? recipient[2]!.trim() : /\b(closed|closure|shut)\b/.test(t) ? 'closed' : 'left', anchor: site.index, strength: 0.85 });
  }

  // Movements: a convoy, troops or an airlift leaving, travelling or arriving.
  const mover = /\b(convoys?|airlift(ed)?|column|trucks|lorries|vehicles|troops|peacekeepers|contingent|blue helmets|personnel|soldiers|the last (elements|troops|peacekeepers|contingent)|units|battalion|police officers)\b/;
  const moving = /\b(left|leaving|leave|departed|departing|set (off|out)|pulled out|withdrew|withdrawn|withdrawing|headed|heading|moved|moving|travel+ed|travel+ing|arrived|arriving|reached|bound for|en route|evacuated|airlifted|flown (out|to)|flew|redeployed|relocated|rolled (out|into)|on (its|their) way|made it to|returned)\b/;
  // Trucks held or blocked on their way are a restriction, not a movement; so is a sentence about
  // refused permits. Something that "could not be evacuated" did not move.
  const held = /\b(block(ed|ing)|held|stranded|impounded|not (been |yet )?(allowed|authori[sz]ed|permitted|cleared)|refused|denied|barred|prevented|grounded|turned down|only ([\w-]+ ){0,6}(were |was )?(authori[sz]ed|allowed|granted|approved))\b/.test(t)
    || /\b(could not|cannot|can not|unable to|failed to|impossible to)\s+(be\s+)?([\w-]+\s+){0,2}(left|leave|moved?|evacuated|evacuate|withdrawn|withdraw|flown|airlifted|returned)\b/.test(t);
  // "Some 1,096 peacekeepers have already left the country": a running total, not a movement.
  const tally = /\b(have|has|had) (already |now |so far )?(left|departed|been (withdrawn|repatriated))\b|\b(so far|in all|in total|to date)\b|\bsince (july|august|september|october|november|december|the start)\b/.test(t);
  if (has(t, mover) && has(t, moving) && !hypothetical && !held && !tally) {
    const quantity: Record<string, Amount> = {};
    const trucks = count(t, 'trucks|lorries');
    const vehicles = count(t, 'vehicles|armoured vehicles|armored vehicles');
    const people = count(t, 'peacekeepers|troops|soldiers|personnel|people|blue helmets|police officers|staff|members');
    const distance = count(t, 'km|kilometres|kilometers');
    if (trucks !== undefined) quantity.trucks = trucks;
    if (vehicles !== undefined) quantity.vehicles = vehicles;
    if (people !== undefined) quantity.people = people;
    if (distance !== undefined) quantity.km = distance;
    out.push({ kind: 'movement', quantity: Object.keys(quantity).length ? quantity : undefined, strength: 0.8 });
  }

  // Incidents, typed with ACLED's event and sub-event types.
  let incident: Reading | undefined;
  if (has(t, /\b(ieds?|improvised explosive|explosive devices?|landmines?|land mines?|roadside bombs?|mines?)\b/) && has(t, /\b(hit|hits|struck|strikes|exploded|explosions?|detonat\w*|blasts?|ran over|went off|triggered)\b/)) incident = { kind: 'incident', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', strength: 0.9 };
  else if (has(t, /\bsuicide (bomb|attack|car)\w*/)) incident = { kind: 'incident', event_type: 'Explosions/Remote violence', sub_event_type: 'Suicide bomb', strength: 0.9 };
  else if (has(t, /\b(drone strikes?|air ?strikes?|airstrikes?)\b/)) incident = { kind: 'incident', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', strength: 0.85 };
  else if (has(t, /\b(shell(s|ed|ing)?|mortars?|rockets?|artillery|rpgs?)\b/) && has(t, /\b(fired|hit|struck|landed|attack\w*|shell\w*|targeted|rained)\b/)) incident = { kind: 'incident', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', strength: 0.85 };
  else if (has(t, /\b(seized|captured|took control of|overran|overrun|recaptured|retook|regained control)\b/)) {
    const state = actors.some((a) => a.name === 'Military Forces of Mali' || a.name === 'Wagner Group');
    incident = { kind: 'incident', event_type: 'Battles', sub_event_type: state && /\b(recaptured|retook|regained)\b|army|fama/.test(t) ? 'Government regains territory' : 'Non-state actor overtakes territory', strength: 0.75 };
  } else if (has(t, /\b(moved into|took over|occupied|settled in)\b/) && has(t, /\b(camp|base|town)\b/) && !mission) incident = { kind: 'incident', event_type: 'Strategic developments', sub_event_type: 'Non-violent transfer of territory', strength: 0.7 };
  else if (has(t, /\b(ambush(ed|es)?|attack(ed|s|ing)?|clash(es|ed)?|fighting|fought|gunfire|fired (on|at|upon)|came under fire|opened fire|shot at|shooting|exchange of fire|assault(ed)?|raid(ed)?|gunmen|under fire)\b/)) {
    const onCivilians = has(t, VICTIM_CIVILIANS) && !/\b(clash|fighting|fought|exchange of fire)\b/.test(t);
    incident = { kind: 'incident', event_type: onCivilians ? 'Violence against civilians' : 'Battles', sub_event_type: onCivilians ? 'Attack' : 'Armed clash', strength: 0.8 };
  }
  // A convoy attacked on its way is an incident; it is also a movement only if the sentence says it left.
  if (incident && out.some((r) => r.kind === 'movement') && !/\b(left|leaving|departed|departing|set (off|out)|pulled out|withdrew)\b/.test(t)) out.splice(out.findIndex((r) => r.kind === 'movement'), 1);
  if (incident && !hypothetical && !/\b(condemn\w*|denounc\w*|investigat\w*)\b/.test(t.slice(0, 40))) {
    const killed = casualties(t, 'killed|dead|died|lost their lives|slain', 'killing|leaving');
    const hurt = casualties(t, 'wounded|injured|hurt|lightly injured|seriously injured', 'wounding|injuring');
    if (killed !== undefined) incident.fatalities = killed;
    if (hurt !== undefined) incident.injured = hurt;
    out.push(incident);
  }

  // Restrictions by the host state: permits refused, imports or fuel blocked, patrols forbidden, trucks held.
  const refused = /\b(refus(ed|al|ing)|denied|den(y|ies)|turned down|did not (authori[sz]e|allow|grant|approve|permit)|stuck|waiting for ([\w-]+ ){0,2}(authori[sz]ation|permission|clearance)|only ([\w-]+ ){0,6}(were |was )?(authori[sz]ed|allowed|granted|approved|cleared)|not (been |yet )?(authori[sz]ed|allowed|permitted|granted|cleared)|no (flight |movement )?(authori[sz]ation|clearance|permission)|withheld|block(ed|ing)|bann?ed|forb(id|idden|ade)|barred|prevented|held (up|back|in)|impounded|stranded|grounded|rejected|suspended|halted|stopped)\b/;
  const what = /\b(flights?|permits?|clearances?|authori[sz]ations?|overflights?|airspace|helicopters?|aircraft|drones?|imports?|fuel|customs|patrols?|trucks|lorries|convoys?|movements?|visas?|staff|personnel|requests?|tankers?|cargo|shipments?)\b/;
  const byArmedGroup = actors.some((a) => ['Rebel group', 'Political militia'].includes(a.type)) && !actors.some((a) => a.name === 'Government of Mali (2021-)' || a.name === 'Customs of Mali');
  if (has(t, refused) && has(t, what) && !byArmedGroup && !hypothetical) {
    const domain = /\b(customs|imports?|import|fuel|tankers?|shipments?|cargo)\b/.test(t) ? 'customs' : /\b(flights?|overflights?|airspace|helicopters?|aircraft|drones?|airlift|planes?|air)\b/.test(t) ? 'air' : /\bpatrols?\b/.test(t) ? 'patrol' : /\b(visas?|staff|personnel|expel\w*|expulsion)\b/.test(t) ? 'personnel' : 'ground';
    const quantity: Record<string, Amount> = {};
    const of = new RegExp(`\\bof (?:${QUALIFIER}\\s*)?(${NUMBER})\\s+(?:[a-z-]+\\s+){0,2}requests?,? (?:only )?(${NUMBER})`).exec(t);
    const n = new RegExp(`(${NUMBER})\\s+(?:[a-z-]+\\s+){0,3}?requests?\\b`).exec(t);
    if (of) {
      const requested = parseNumber(of[2]!.trim());
      const granted = parseNumber(of[3]!.trim());
      if (requested !== null) quantity.requested = requested;
      if (requested !== null && granted !== null) quantity.denied = /\b(granted|authori[sz]ed|allowed|approved|cleared)\b/.test(t.slice(of.index)) ? requested - granted : granted;
    } else if (n && parseNumber(n[1]!.trim()) !== null) {
      quantity.requested = parseNumber(n[1]!.trim())!;
      quantity.denied = quantity.requested;
    }
    const trucks = count(t, 'trucks|lorries|tankers');
    if (trucks !== undefined) quantity.trucks = trucks;
    out.push({ kind: 'restriction', detail: domain, quantity: Object.keys(quantity).length ? quantity : undefined, strength: 0.85 });
    // "Customs blocked fuel, and flights were not authorised": two restrictions in one sentence.
    if (domain === 'customs' && /\b(flights?|overflights?|airspace|helicopters?|aircraft)\b/.test(t) && /\b(and|while)\b/.test(t)) out.push({ kind: 'restriction', detail: 'air', strength: 0.7 });
  }

  // Disposals by the mission: destroyed, decommissioned, rendered unusable, donated.
  const disposed = /\b(destroy(ed|ing)?|decommission(ed|ing)?|render(ed|ing)? ([\w-]+ ){0,3}(unusable|inoperable|useless)|disabled|deactivat(ed|ing)|dismantl(ed|ing)|blew up|blown up|sabotag(ed|ing)|donat(ed|ing)|gift(ed|ing)|sold|handed over ([\w-]+ ){0,4}(equipment|generators|vehicles|assets|furniture|supplies))\b/.exec(t);
  const goods = /\b(equipment|vehicles|ammunition|munitions|generators|weapons|assets|materiel|containers|stocks|stores|trucks|armoured|armored|supplies|furniture|fuel)\b/;
  const attackers = actors.some((a) => ['Rebel group', 'Political militia'].includes(a.type)) && !mission;
  if (disposed && has(t, goods) && !attackers && !hypothetical) {
    const verb = disposed[0];
    const action = /donat|gift|handed over/.test(verb) ? 'hand_over' : /sold/.test(verb) ? 'sell' : /decommission|render|disabled|deactivat|dismantl/.test(verb) ? 'decommission' : 'destroy';
    out.push({ kind: 'disposal', detail: action, quantity: count(t, 'vehicles|generators|containers|trucks') !== undefined ? { units: count(t, 'vehicles|generators|containers|trucks')! } : undefined, strength: 0.8 });
  }
  void armed;
  return out;
}
