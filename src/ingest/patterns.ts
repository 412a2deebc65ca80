// Which kinds of event a sentence states, and their details. Each rule looks at one sentence,
// lower-cased and without accents; none knows the texts it was tried on.
import { actorsIn } from './actors.ts';
import { ATTRIBUTION } from './dates.ts';
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
  /** Where the verb that states it is: its clause dates it and says whether it happened. */
  at?: number;
  /** A movement told in a relative clause ("the convoy that left Kidal on Tuesday") is news only when that clause dates it to a day: [start, end) of that clause. */
  requireDay?: [number, number];
  /** A restriction told as going on ("the trucks were still blocked"): the same one as any told before at that place. */
  continuing?: boolean;
  strength: number;
};

const has = (t: string, re: RegExp) => re.test(t);
// "could not be moved" states a fact; "could be attacked" does not; nor does what "must" or "is
// preparing to" happen, or what will happen "in the coming weeks".
const HYPOTHETICAL = /\b((could|might|would|may)(?! (not|neither|never|no longer))|(allows?|permits?|enables?) ([\w-]+ ){0,4}to be|fears?|feared|threat(en)?s?|risk of|warn(ed|s|ing)?|possible|plans? to|planned|expected to|will|intends?|scheduled|set to|must|(has|have) to|needs? to|prepar(es|ing|ed) to|prepares|preparing|about to|due to(?! (the|a|an|its|their|his|her|this|that|these|those|security|insecurity|bad|heavy|poor|lack|technical|logistical|weather|rains?|sand|fuel|mechanical|safety|fighting|attacks?|threats?)\b)|in the coming (days|weeks|months)|aims? to|seeks? to|hopes? to|is to|are to|whether|unclear if|if|unless|in case|asked about|asked whether|asked if|did not confirm|could not confirm|would not confirm|unconfirmed|no information (about|on)|vow(ed|s)? to|decisions?\W{0,2}\s+([\w-]+\s+){0,3}to|decided ([\w-]+ ){0,3}to|pledged to|promised to|threatened to|would like to)\b/;
// "Earlier than planned", "as expected": a comparison with the plan, not a plan.
const NOT_A_PLAN = /\b(than|as) (had been |was |were )?(planned|expected|scheduled|foreseen|announced)\b|\b(must|have to|has to|need to|regret to|wish to|want to|am sorry to|is sad to) (report|inform|say|note|tell|announce|confirm|add|recall)\b/g;
// Words that deny the verb after them: "had not been handed over", "can be neither sold nor given".
const NEGATION = /\b(not|never|no longer|neither|nor|cannot|without|no)\b[^,;:]{0,25}$/;

/**
 * The clauses of a sentence: split at punctuation and before subordinating words ("as", "after",
 * "while", "but", "a day after"…). Each with where it starts and ends in the sentence.
 */
export function clauses(t: string): { start: number; end: number }[] {
  const cuts = [0];
  for (const m of t.matchAll(/[,;:()\u2014\u2013]|\s-\s|(?<!\b(days?|hours?|weeks?|months?|shortly|soon|just|right|long|even|as well|such|a|one|two|three|four|five|six|seven|several|few|\d+))\s(?=(but|while|whereas|although|though|as|after|before|when|because|amid|raising|prompting|adding|saying|ending|leaving|(a|one|two|three|four|five|several|\d+|the) (days?|hours?|weeks?|months?) (after|before|later|earlier)|(shortly|soon|just|right|hours|days|minutes) (after|before))\s)/g)) cuts.push(m.index! + (m[0].trim() === '' ? 1 : 0));
  cuts.push(t.length);
  // A comma then a subordinating word is one cut: ", a day after …".
  for (let i = cuts.length - 2; i > 0; i -= 1) if (cuts[i + 1]! - cuts[i]! <= 2 && /^[\s,;:]*$/.test(t.slice(cuts[i]!, cuts[i + 1]!))) cuts.splice(i + 1, 1);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) if (cuts[i + 1]! > cuts[i]!) out.push({ start: cuts[i]!, end: cuts[i + 1]! });
  return out;
}

/**
 * Relative clauses that name a movement ("the convoy that left Kidal on Tuesday"): [start, end)
 * of each. Their day is the movement's, not the sentence's.
 */
export function relativeMovements(t: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of t.matchAll(/\b(that|which|who)\s+(had\s+|has\s+|have\s+)?(already\s+|just\s+|earlier\s+|previously\s+|recently\s+)?(left|departed|set (off|out)|pulled out|drove (out|off)|arrived|reached)\b/g)) {
    const start = m.index! + m[1]!.length + 1;
    const rest = t.slice(start);
    const end = /\s(has|have|had|was|were|is|are|came|struck|hit|rolled|arrived|reached|drove|entered|pulled|got|made)\s|[,;:.]/.exec(rest.slice(m[0].length - m[1]!.length - 1));
    out.push([start, end ? start + m[0].length - m[1]!.length - 1 + end.index : t.length]);
  }
  return out;
}

/** The clause that holds position `at`. */
export function clauseAt(t: string, at: number): { start: number; end: number } {
  return clauses(t).find((c) => at >= c.start && at < c.end) ?? { start: 0, end: t.length };
}

/** Whether the verb at `at` is stated as a fact: no modal, plan or fear in its clause, no negation just before it. */
function factual(t: string, at: number, negatable = true): boolean {
  const c = clauseAt(t, at);
  const text = t.slice(c.start, c.end).replace(NOT_A_PLAN, ' ');
  // A refusal is read up to its verb: "refused the clearance these convoys need to leave" is still a refusal.
  const upTo = negatable ? text : t.slice(c.start, Math.min(c.end, at + 25)).replace(NOT_A_PLAN, ' ');
  if (HYPOTHETICAL.test(upTo) || HABITUAL.test(text)) return false;
  // "The mission denied reports that it had sold trucks": what is denied did not happen.
  if (/\b(denied|denies|deny|dismissed|rejected|refuted)\s+(the\s+|any\s+)?((claims?|reports?|allegations?|accusations?|rumou?rs?)\s+([\w-]+\s+){0,4})?(that|of)\b/.test(t.slice(0, at))) return false;
  // "Accused the army of attacking their positions": an allegation, not a report of the attack.
  if (/\baccus(ed|es|ing)\s+([\w'-]+\s+){0,8}of\s+$/.test(t.slice(Math.max(0, at - 80), at))) return false;
  // "No armoured vehicle has been sold": a subject denied.
  if (negatable && /\bno\s+([\w-]+\s+){1,4}(has|have|had|was|were|is|are)\s+(been\s+|ever\s+been\s+)?$/.test(t.slice(c.start, at))) return false;
  const negation = negatable ? NEGATION.exec(t.slice(c.start, at)) : null;
  // "Equipment that could not be moved was destroyed": the negation ends with its relative clause.
  return !(negation && !/\b\w+(ed|en|wn)(\s+(along|away|out|back|up|off|over|behind|home|in time))?\s+(was|were|is|are|has been|have been|had been)\s+$/.test(negation[0]));
}

// "Flights are routinely refused", "several times in recent days": a pattern of events, not one event.
const HABITUAL = /\b(notorious for|known for|infamous for|prone to|(is|are|was|were|has been|have been) (frequently |often )?(the )?scene of|routinely|regularly|repeatedly|often|frequently|systematically|usually|every (day|week|time|night)|each (day|week|time)|in recent (days|weeks|months)|for (weeks|months|years)|intensif(y|ies|ied|ying)|escalat(es|ed|ing)|rag(es|ed|ing) on|rages|raging|amid|renewed (fighting|clashes|violence)|(has|have) (already )?spread|closed in|closing in|drew (closer|nearer)|draws? (closer|nearer)|is spreading|day after day|week after week|time and time again|almost every day|nearly every day|every other day|daily|several times|many times|countless times|time and again|time after time|again and again|more than once|on several occasions)\b/;

// "Because of fighting in the area": a cause told in passing, not an event.
// "The ambush adds to the pressure", "this attack comes as…": comment on an event told before.
const COMMENTED = /^[\w-]*(\s+[\w'-]+){0,4}?\s+(adds? to|complicates?|complicated|overshadows?|hampers?|hampered|(comes?|came) (as|amid|after|at a time|just|only|days|weeks|a day|a week|two|three|hours)|marks?|marked|follows?|followed|raises?|raised|underlines?|underlined|highlights?|highlighted|shows?|showed|brings?|brought|underscores?|underscored)\b/;
const CAUSE = /\b(because of|due to|owing to|for fear of|as a result of|in the face of|amid)\s+(the\s+|renewed\s+|continued\s+|heavy\s+)?([\w-]+\s+)?$/;
// "After the attack", "since this ambush": an event the story has told, named by a definite noun, not told again.
const RECALLED = /\b(after|since|following|in the wake of|because of|despite|during|before|ahead of)\s+(the|this|that|these|those|its|their)\s+([\w-]+\s+)?$|\bclaim(ed|s)? (responsibility for )?(both |all |the |these |those |this |that |two |three |one of the |some of the |several of the |one of these )([\w-]+\s+)?$/;

/** Every match of a global pattern, in order. */
function* matches(t: string, re: RegExp): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(t); m; m = g.exec(t)) {
    yield m;
    if (m[0] === '') g.lastIndex += 1;
  }
}

/** The first match of `re` whose clause states it as a fact, or null. */
function firstFact(t: string, re: RegExp, negatable = true, nouns = false, skip?: (m: RegExpExecArray) => boolean): RegExpExecArray | null {
  for (const m of matches(t, re)) if (!skip?.(m) && factual(t, m.index, negatable) && !(nouns && RECALLED.test(t.slice(Math.max(0, m.index - 40), m.index)))) return m;
  return null;
}
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
  const actors = actorsIn(t);
  const mission = actors.some((a) => a.name.startsWith('MINUSMA'));
  const stateForces = actors.some((a) => a.name === 'Military Forces of Mali' || a.name === 'Government of Mali (2021-)');

  // Site status: a camp or base handed over, closed, or left for good; one per clause ("the last
  // troops left their camp on Saturday, a day after the mission handed the base over").
  // Malian forces moving into a camp the mission left complete its handover: "Malian soldiers moved into the former UN camp".
  const occupied = stateForces && !mission ? firstFact(t, /\b(moved into|took over|occupied|entered|took possession of|settled in)\s+(the |its |their |a )?([\w'"-]+ ){0,3}(camp|base|premises)\b/, true, false, (m) => !actorsIn(t.slice(clauseAt(t, m.index).start, m.index)).some((a) => a.type === 'State forces')) : null;
  const sites: RegExpExecArray[] = [];
  for (const m of matches(t, SITE)) {
    const c = clauseAt(t, m.index);
    if (sites.length >= 2 || sites.some((x) => clauseAt(t, x.index).start === c.start)) continue;
    // "Trucks loaded for the withdrawal from the camps": a purpose, not the withdrawal.
    if (/\b(for|ahead of|before|in preparation for|prepar\w+ for|awaiting|pending|plans? for|towards|as part of|in the context of|in view of|with a view to)\s+(the\s+|its\s+|their\s+)?$/.test(t.slice(Math.max(0, m.index - 30), m.index)) || !factual(t, m.index)) continue;
    const lead = t.slice(c.start, m.index);
    // "Prevented a patrol from leaving the camp", "the second phase covers the closure of…": no site left.
    if (/\bfrom\s+$|\b(covers?|includes?|including|involves?|will see|foresees?)\s+(the\s+)?$/.test(t.slice(Math.max(0, m.index - 25), m.index))) continue;
    // "The convoy that left the camps at Tessalit has struck…": named in passing, unless that clause gives the day.
    const rel = /\b(that|which|who)\s+(had\s+|has\s+|have\s+)?(already\s+|just\s+|earlier\s+|previously\s+|recently\s+)?$/.test(t.slice(Math.max(0, m.index - 30), m.index));
    if (rel && !DAY.test(t.slice(m.index, Math.min(t.length, m.index + m[0].length + 40)).split(/\s(has|have|had|was|were|is|are|arrived|reached|came|struck|hit)\s|[,;:]/)[0]!)) continue;
    // "The army convoy left its main camp": a camp of the mission's is left by the mission.
    if (/^(left|leaving|quit|quitting|departed|pulled out of|withdrew from)/.test(m[0]) && actors.some((a) => a.name === 'Military Forces of Mali' || a.name === 'Wagner Group') && !mission) continue;
    // "More than 460 Egyptian peacekeepers pulled out of the base": a counted part of the garrison left, the base did not close.
    const counted = COUNTED_PART.test(lead) && !/\b(last|remaining|final|all|rest of)\b/.test(lead) && !/\b(hand|handed|handing|transferred|closed|closing|closure|shut|retroce)/.test(m[0]);
    // "Ménaka is the fourth site closed since June": a count of sites, the closing told before.
    const ordinal = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(st|nd|rd|th))\s+(site|base|camp|position)s?\b/.test(t.slice(c.start, c.end)) && /^(camp|base|premises|closed|vacated|shut)/.test(m[0]);
    // "A first road convoy left the camp", "part of the contingent left the base": the camp is not yet left.
    const partial = /\b(first|advance|initial|lead|second)\s+([\w-]+\s+){0,2}(convoys?|columns?|groups?|batch|elements?|party|rotation)\b|\b(part|some) of\b/.test(lead) && !/\b(last|remaining|final|all|rest of)\b/.test(lead);
    // "The vacated UN camp": an adjective, not the leaving.
    const adjective = /^(vacated|abandoned|evacuated|closed|empty)\b/.test(m[0]) && /\b(the|a|an|its|their)\s+$/.test(t.slice(Math.max(0, m.index - 6), m.index));
    // "The fighters pulled out of the camp", "convoys leaving for its camps": not the mission's camp left.
    const others = /\b(fighters|rebels|jihadists|militants|attackers|assailants|gunmen|insurgents|armed men)\b/.test(lead) || /^(left|leaving|quit|quitting|departed|vacated|evacuated|abandoned)\s+(for|to|towards)\s/.test(m[0]);
    if (!counted && !ordinal && !partial && !adjective && !others) sites.push(m);
  }
  for (const site of sites) {
    const recipient = /\bto (the )?((regional |interim )?governor[\w ]*?|prefect[\w ]*?|malian (army|armed forces|authorities)|fama|(civilian |local |malian |state )?authorities|civilian representatives?[\w ]*?)(?=[,.;]| on | in | at | and |$)/.exec(t.slice(site.index));
    const handed = /\b(hand|transfer|retroce|given back|turned over|returned)/.test(site[0]);
    const closed = /\b(closed|closure|shut)\b/.test(sites.length > 1 ? t.slice(clauseAt(t, site.index).start, clauseAt(t, site.index).end) : t);
    out.push({ kind: 'site_status', detail: recipient && (handed || sites.length === 1) ? recipient[2]!.trim() : handed ? 'handed over' : closed ? 'closed' : 'left', anchor: site.index, at: site.index, strength: 0.85 });
  }
  if (sites.length === 0 && occupied) out.push({ kind: 'site_status', detail: 'malian armed forces', anchor: occupied.index, at: occupied.index, strength: 0.7 });

  // Movements: a convoy, troops or an airlift that left, set off or arrived. A convoy "heading
  // for" or "on its way to" somewhere is the setting of another event, not a departure.
  let movement: Reading | undefined;
  if (has(t, MOVER) && !occupied) {
    for (const m of matches(t, DEPART)) {
      const c = clauseAt(t, m.index);
      const clause = t.slice(c.start, c.end);
      // "Some 1,096 peacekeepers have already left": a running total, unless the clause gives the day ("had left Kidal on 31 October").
      // Who moves: fighters, civilians or the wounded carried to hospital are not the mission's movements.
      const subject = t.slice(c.start, m.index);
      if (/\b(fighters|rebels|jihadists|militants|attackers|assailants|gunmen|insurgents|separatists|armed men|civilians|residents|refugees|displaced|families|villagers|herders|traders|wounded|injured|casualties|survivors|bodies|food|water|fuel|rations|medicines?|supplies)\b/.test(subject) || (/^(evacuated|airlifted|flown|flew|taken)/.test(m[0]) && /\b(wounded|injured|hurt|casualt\w+|hospital|medical|medevac|treatment)\b/.test(clause))) continue;
      // "Since the convoy set off", "before the troops left": a time, not the telling of a movement.
      if (/\b((since|until|till|before)\s+(the|its|their|it|they|we|any|a|each|every)|(after|once|when|as|while)\s+(it|they|we))\b[^,;]{0,30}$/.test(t.slice(Math.max(0, m.index - 45), m.index)) && !DAY.test(t.slice(m.index, clauseAt(t, m.index).end))) continue;
      // "'That they all arrived alive is a relief,' an officer said": a quote, with no day, tells no movement.
      if ((/^\W*["“]/.test(t) || /[,.]["”]/.test(t.slice(m.index))) && !DAY.test(t)) continue;
      // "So the peacekeepers had to set out by road": a necessity told with the refusal's day, not the departure's.
      if (/\bhad to\b/.test(t.slice(c.start, m.index)) && !DAY.test(clause)) continue;
      if (!factual(t, m.index) || NOT_MOVING.test(t.slice(m.index)) || /\b(number|total|tally|count|figure|toll)\b/.test(t.slice(c.start, m.index)) || HELD.test(clause) || TALLY.test(clause) || (/\b(have|has|had) (already |now |so far )?$/.test(t.slice(c.start, m.index)) && !DAY.test(clause)) || (/^left\b/.test(m[0]) && /\b(was|were|been|be|being|is|are)\s+(\w+\s+)?$/.test(t.slice(Math.max(0, m.index - 20), m.index)))) continue;
      const quantity: Record<string, Amount> = {};
      const trucks = count(t, 'trucks|lorries');
      const vehicles = count(t, 'vehicles|armoured vehicles|armored vehicles');
      const people = count(t, 'peacekeepers|troops|soldiers|personnel|people|blue helmets|police officers|staff|members');
      const distance = count(t, 'km|kilometres|kilometers');
      if (trucks !== undefined) quantity.trucks = trucks;
      if (vehicles !== undefined) quantity.vehicles = vehicles;
      if (people !== undefined) quantity.people = people;
      if (distance !== undefined) quantity.km = distance;
      movement = { kind: 'movement', quantity: Object.keys(quantity).length ? quantity : undefined, at: m.index, strength: 0.8 };
      // "The convoy that left Kidal this week has been hit": the relative clause names the convoy; it is news only if it gives the day.
      if (/\b(that|which|who)\s+(had\s+|has\s+|have\s+)?(already\s+|just\s+|earlier\s+|previously\s+|recently\s+)?$/.test(t.slice(Math.max(0, m.index - 30), m.index))) {
        const rest = t.slice(m.index);
        const end = /\s(has|have|had|was|were|is|are|came|struck|hit|rolled|arrived|reached|drove|entered|pulled|got|made)\s|[,;:.]/.exec(rest);
        movement.requireDay = [m.index, m.index + (end ? end.index : rest.length)];
        // "A column that left Kidal last week rolled into Gao on Tuesday": the main verb tells the movement.
        if (!DAY.test(t.slice(...movement.requireDay))) {
          movement = undefined;
          continue;
        }
      }
      break;
    }
    if (movement) out.push(movement);
  }

  // Incidents, typed with ACLED's event and sub-event types.
  // One incident per clause: "the army seized Kidal, after drones had struck the town the day before" tells two.
  const incidentIn = (t: string): Reading | undefined => {
    let incident: Reading | undefined;
    let m: RegExpExecArray | null;
    if (has(t, /\b(ieds?|improvised explosive|explosive devices?|landmines?|land mines?|roadside bombs?|mines?)\b/) && (m = firstFact(t, /\b(hit|hits|struck|strikes|exploded|explosions?|detonat\w*|blasts?|ran over|went off|gone off|go off|goes off|triggered)\b/))) incident = { kind: 'incident', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', at: m.index, strength: 0.9 };
    // "Another device went off under a truck", "the blast injured 22 of them": an explosion told without naming the weapon.
    else if ((m = firstFact(t, /\b(devices?|bombs?|charges?) (went off|exploded|detonated)\b|\b(devices?|bombs?|mines?) (struck|hit|ripped through|tore through)\b|\b(blasts?|explosions?)\b[^.;:]{0,120}?\b(killed|injured|wounded|hurt|damaged)\b|\b(blasts?|explosions?) (occurred|took place|happened|hit|struck|ripped)\b/))) incident = { kind: 'incident', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', at: m.index, strength: 0.8 };
    else if ((m = firstFact(t, /\bsuicide (bomb|attack|car)\w*/))) incident = { kind: 'incident', event_type: 'Explosions/Remote violence', sub_event_type: 'Suicide bomb', at: m.index, strength: 0.9 };
    else if ((m = firstFact(t, /\b(drone strikes?|air ?strikes?|airstrikes?|drones? (had |have |has )?(struck|hit|bombed|targeted|attacked)|(struck|hit|bombed|targeted) by (a |an )?(drones?|aircraft|jets?|warplanes?))\b/))) incident = { kind: 'incident', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', at: m.index, strength: 0.85 };
    else if (has(t, /\b(shell(s|ed|ing)?|mortars?|rockets?|artillery|rpgs?|indirect fire)\b/) && (m = firstFact(t, /\b(fired|fire|hit|struck|landed|attack\w*|shell\w*|targeted|rained)\b/))) incident = { kind: 'incident', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', at: m.index, strength: 0.85 };
    // "Soldiers seized power in a coup" takes no ground.
    // "The camp was closed, and the army took full control of it": the site changing hands, not ground taken in battle.
    else if (!actors.some((a) => a.name === 'Customs of Mali') && !(stateForces && out.some((r) => r.kind === 'site_status')) && (m = firstFact(t, /\b(seized|captured|(took|taken|takes|taking|seized|gained|assumed) (full )?control of|overran|overrun|recaptured|retook|regained control)\b(?! power\b)/))) {
      const state = actors.some((a) => a.name === 'Military Forces of Mali' || a.name === 'Wagner Group');
      incident = { kind: 'incident', event_type: 'Battles', sub_event_type: state && /\b(recaptured|retook|regained)\b|army|fama/.test(t) ? 'Government regains territory' : 'Non-state actor overtakes territory', at: m.index, strength: 0.75 };
    } else if (!occupied && !mission && has(t, /\b(camp|base|town)\b/) && (m = firstFact(t, /\b(moved into|took over|occupied|settled in)\b/))) incident = { kind: 'incident', event_type: 'Strategic developments', sub_event_type: 'Non-violent transfer of territory', at: m.index, strength: 0.7 };
    else if ((m = firstFact(t, /\b(kidnapp\w*|abduct\w*|taken hostage)\b/))) incident = { kind: 'incident', event_type: 'Violence against civilians', sub_event_type: 'Abduction/forced disappearance', at: m.index, strength: 0.75 };
    else if ((m = firstFact(t, /\b(ambush(ed|es)?|attack(ed|s|ing)?|clash(es|ed)?|fighting|fought|gunfire|fired (on|at|upon)|came under fire|opened fire|shot at|shooting|exchange of fire|assault(ed)?|raid(ed)?|stormed|gunmen|under fire|hit by ([\w-]+ ){0,2}fire|small[- ]arms fire|(convoy|column|vehicles?|camp|base|patrol|trucks?|aircraft|plane|helicopter|position) (was |were )?(struck|hit|targeted) again|(convoy|column|camp|base|patrol|aircraft|plane|helicopter|position|trucks|vehicles|tankers) (was|were) (struck|targeted|hit|attacked|ambushed))\b/, true, true, (m) => CAUSE.test(t.slice(Math.max(0, m.index - 40), m.index)) || (COMMENTED.test(t.slice(m.index)) && /\b(the|this|that|these|those|[\w]+'s)\s+([\w-]+\s+)?$/.test(t.slice(Math.max(0, m.index - 30), m.index)))))) {
      const onCivilians = has(t, VICTIM_CIVILIANS) && !/\b(clash|fighting|fought|exchange of fire)\b/.test(t);
      incident = { kind: 'incident', event_type: onCivilians ? 'Violence against civilians' : 'Battles', sub_event_type: onCivilians ? 'Attack' : 'Armed clash', at: m.index, strength: 0.8 };
    }
    // "Jihadists killed 12 villagers": a killing by an armed group, with no other verb of attack.
    else if (actors.some((a) => ['Rebel group', 'Political militia'].includes(a.type)) && (m = firstFact(t, /\b(killed|killing|massacred|executed)\b/))) {
      const onCivilians = has(t, VICTIM_CIVILIANS);
      incident = { kind: 'incident', event_type: onCivilians ? 'Violence against civilians' : 'Battles', sub_event_type: onCivilians ? 'Attack' : 'Armed clash', at: m.index, strength: 0.7 };
    }
    return incident;
  };
  let incident = incidentIn(t);
  // A second incident, told in another clause (its day may differ: extract.ts merges it back when it does not).
  let second: Reading | undefined;
  if (incident) {
    const c = clauseAt(t, incident.at!);
    second = incidentIn(t.slice(0, c.start) + ' '.repeat(c.end - c.start) + t.slice(c.end));
    if (second && second.at !== undefined && clauseAt(t, second.at).start === c.start) second = undefined;
  }
  // "The convoy hit six devices on the way": a count of events over a journey, with no day of its own, sums up; it is not one event.
  if (incident && COUNTED_BLASTS.test(t) && JOURNEY.test(t) && !DAY.test(t.replace(ATTRIBUTION, ' '))) incident = undefined;
  // A convoy attacked on its way is an incident; it is also a movement only if the sentence says it left.
  if (incident && movement && !DEPARTURE.test(t.slice(movement.at!, movement.at! + 20))) out.splice(out.indexOf(movement), 1);
  if (incident && !/\b(condemn\w*|denounc\w*|investigat\w*)\b/.test(t.slice(0, 40))) {
    const killed = casualties(t, 'killed|dead|died|lost their lives|slain', 'killing|leaving');
    const hurt = casualties(t, 'wounded|injured|hurt|lightly injured|seriously injured', 'wounding|injuring');
    if (killed !== undefined) incident.fatalities = killed;
    if (hurt !== undefined) incident.injured = hurt;
    out.push(incident);
    if (second) out.push(second);
  }

  // Restrictions by the host state: permits refused, imports or fuel blocked, patrols forbidden, trucks held.
  const refused = /\b(refus(ed|al|ing)|denied|den(y|ies)|turned down|did not (authori[sz]e|allow|grant|approve|permit)|stuck|waiting for ([\w-]+ ){0,2}(authori[sz]ation|permission|clearance)|only ([\w-]+ ){0,6}(were |was )?(authori[sz]ed|allowed|granted|approved|cleared)|not (been |yet )?(authori[sz]ed|allowed|permitted|granted|cleared)|no (flight |movement )?(authori[sz]ation|clearance|permission)|none of ([\w-]+ ){0,12}(was|were) (authori[sz]ed|allowed|permitted|cleared|approved|granted)|no ([\w-]+ ){1,5}(were |was |have been |has been |had been )?(authori[sz]ed|allowed|permitted|cleared|approved|granted)|declined (its |the |a |our |their |every |all )?([\w'-]+ ){0,3}(requests?|applications?|permission|clearances?|authori[sz]ations?|flights?|permits?|overflights?|landings?)|declined to (authori[sz]e|allow|grant|approve|clear|permit)|withheld|block(ed|ing)|bann?ed|forb(id|idden|ade)|barred|prevented|held (up|back|in)|impounded|preventing ([\w-]+ ){0,3}(trucks|lorries|tankers|containers|cargo|shipments|convoys?|vehicles|fuel|flights?|patrols?)|(have been |has been |are |is )?stopping ([\w-]+ ){0,3}(trucks|lorries|tankers|containers|cargo|shipments|convoys?|vehicles|fuel)|kept back|keeping back|kept ([\w-]+ ){0,6}on hold|on hold|held by (the )?([\w-]+ )?(customs|authorities|police|gendarmerie|army|soldiers|officials)|(hold|holds|block|blocks|withhold|withholds|seize|seizes|refuses|bars|bans) ([\w-]+ ){0,3}(trucks|lorries|tankers|containers|cargo|shipments|convoys?|vehicles|flights?|permits?|fuel|imports?)|held ([\w-]+ ){0,3}(trucks|lorries|tankers|containers|cargo|shipments|convoys?|vehicles)|(been |are |is |were |was |kept )?holding (back |up )?([\w-]+ ){0,5}(trucks|lorries|tankers|containers|cargo|shipments|convoys?|vehicles|consignments?|spare parts|goods|equipment|materiel)|held at (the )?([\w-]+ ){0,2}(border|post|port|checkpoint)|stranded|grounded|rejected|suspended|halted|stopped|revoked|(has|have) (still )?yet to (authori[sz]e|approve|grant|clear|allow)|still (waiting|awaiting)|turned back|confiscated|closed (its |the )?airspace|(ordered|announced|decreed) (the )?closure of (the |its )?([\w-]+ )?(roads?|routes?|airport|airspace|border|axis)|closed (the |its )?([\w-]+ )?(roads?|routes?|airport|border|axis) to|confined to (their|its|the) (camps?|bases?|barracks|compounds?)|refused to (grant|authori[sz]e|allow|let|clear)|interrupt(ed|ing)?|(lack|absence) of ([\w-]+ ){0,2}(authori[sz]ation|clearance|permission|permits?)|did not (receive|get|obtain) ([\w-]+ ){0,2}(authori[sz]ation|clearance|permission|permits?)|cancell?ed for lack of|(ordered|instructed|told) ([\w-]+ ){0,4}to ([\w-]+ )?(stop|halt|suspend|interrupt|block|refuse|ban|seize))\b/;
  const what = /\b(containers?|roads?|routes?|axis|camps?|bases?|barracks|compounds?|flights?|permits?|clearances?|authori[sz]ations?|overflights?|airspace|helicopters?|aircraft|airlifts?|drones?|imports?|fuel|customs|patrols?|trucks|lorries|convoys?|movements?|visas?|staff|personnel|requests?|tankers?|cargo|shipments?)\b/;
  const byArmedGroup = actors.some((a) => ['Rebel group', 'Political militia', 'Protesters'].includes(a.type)) && !actors.some((a) => a.name === 'Government of Mali (2021-)' || a.name === 'Customs of Mali');
  let refusal = has(t, what) && !byArmedGroup ? firstFact(t, refused, false, false, (m) => notARefusal(t, m)) : null;
  // Customs seizing the mission's goods restrict it.
  if (!refusal && actors.some((a) => a.name === 'Customs of Mali')) refusal = firstFact(t, /\b(seized|seizing|confiscated|withheld)\b/, false);
  // "The tankers held in Gao were released", "the trucks were finally allowed to leave, a month after they were blocked": the end of a restriction, told with its start.
  if (refusal) {
    const lifted = firstFact(t, LIFTED);
    if (lifted) refusal = null;
  }
  // "The convoy stopped overnight in Anefis", "flights were suspended after the attack": halted, stopped or suspended restrict only when the state does it.
  if (refusal && /^(halted|stopped|suspended)/.test(refusal[0]) && !actors.some((a) => a.name === 'Government of Mali (2021-)' || a.name === 'Customs of Mali' || a.name === 'Military Forces of Mali')) refusal = null;
  if (refusal && /^(suspended|halted|stopped|grounded|cancell?ed)/.test(refusal[0])) {
    const subject = t.slice(clauseAt(t, refusal.index).start, refusal.index);
    if (actorsIn(subject).some((a) => a.name.startsWith('MINUSMA')) && !/\b(was|were|been|be|being)\s+$/.test(subject) && !actors.some((a) => a.name === 'Government of Mali (2021-)' || a.name === 'Customs of Mali')) refusal = null;
  }
  if (refusal) {
    const air = /\b(flights?|overflights?|airspace|helicopters?|aircraft|drones?|airlifts?|planes?|air)\b/;
    const domain = /\b(customs|imports?|import|fuel|tankers?|shipments?)\b/.test(t) || (/\bcargo\b/.test(t) && !air.test(t)) ? 'customs' : air.test(t) ? 'air' : /\bpatrols?\b/.test(t) ? 'patrol' : /\b(visas?|staff|personnel|expel\w*|expulsion)\b/.test(t) ? 'personnel' : 'ground';
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
    const continuing = /\b(still|remain(s|ed|ing)?|continu(e|es|ed|ing) to (be )?|no longer able|yet to)\b/.test(t.slice(clauseAt(t, refusal.index).start, clauseAt(t, refusal.index).end));
    out.push({ kind: 'restriction', detail: domain, quantity: Object.keys(quantity).length ? quantity : undefined, at: refusal.index, continuing, strength: 0.85 });
    // "Customs blocked fuel, and flights were not authorised": a second refusal, in another clause and of another kind, is a second restriction.
    const first = clauseAt(t, refusal.index);
    for (const m of matches(t, refused)) {
      // A second verb of refusal, not "the second such refusal" told in passing.
      if (m.index < first.end || /^(refusal|ban)\b/.test(m[0]) || notARefusal(t, m) || !factual(t, m.index, false)) continue;
      const c = clauseAt(t, m.index);
      const other = air.test(t.slice(c.start, c.end)) ? 'air' : 'ground';
      if ((other === 'air') !== (domain === 'air')) out.push({ kind: 'restriction', detail: other, at: m.index, strength: 0.7 });
      break;
    }
  }

  // Disposals by the mission: destroyed, decommissioned, rendered unusable, donated.
  const goods = /\b(stocks?|rounds|shells|explosives|flares|ordnance|prefabricated|prefabs?|equipment|vehicles|ammunition|munitions|generators|weapons|assets|materiel|containers|stocks|stores|trucks|armoured|armored|supplies|furniture|fuel|tanks)\b/;
  const attackers = actors.some((a) => ['Rebel group', 'Political militia'].includes(a.type)) && !mission;
  // "Several enemy vehicles had been destroyed": the other side's losses, not the mission's disposal.
  const enemy = /\b(enemy|rebel|terrorist|jihadist|insurgent|militant)s?'?\s+([\w-]+\s+){0,2}(vehicles|equipment|weapons|trucks|positions|bases?)\b/.test(t);
  // "The decision to destroy, deactivate or decommission vehicles": the list shares the first verb's mood.
  let disposed: RegExpExecArray | null = null;
  let previous: RegExpExecArray | null = null;
  let previousFactual = true;
  if (has(t, goods) && !attackers && !enemy) for (const m of matches(t, DISPOSED)) {
    const listed = previous !== null && /^\s*(,|or|and)\s*(,|or|and)?\s*([\w-]+\s*(,|or|and)\s*(or|and)?\s*)*$/.test(t.slice(previous.index + previous[0].length, m.index));
    const ok: boolean = listed ? previousFactual : factual(t, m.index);
    previous = m;
    previousFactual = ok;
    if (ok) {
      disposed = m;
      break;
    }
  }
  if (disposed) {
    const verb = disposed[0];
    const action = /donat|gift|handed|gave/.test(verb) ? 'hand_over' : /sold/.test(verb) ? 'sell' : /decommission|render|disabled|deactivat|dismantl/.test(verb) ? 'decommission' : 'destroy';
    out.push({ kind: 'disposal', detail: action, quantity: count(t, 'vehicles|generators|containers|trucks') !== undefined ? { units: count(t, 'vehicles|generators|containers|trucks')! } : undefined, at: disposed.index, strength: 0.8 });
  }
  return out;
}

const SITE = /\b(pulled ([\w'-]+ ){1,4}out of (the |its |their )?([\w'-]+ ){0,3}(camp|base|outpost|compound)|(camp|base|premises|outpost|compound) (is|was|has been|had been) (left|abandoned|vacated|evacuated) for good|(camp|base|premises|outpost|compound) (is|was|has been|had been) abandoned|hand(ed|ing|s)? over (the |its |their )?([\w'-]+ ){0,3}(camp|base|premises|outpost|compound)|hand(ed|ing|s)? (the |its |their |our )?([\w'-]+ ){0,3}(camp|base|premises|outpost|compound)( there| here| (at|in|of) [\w'-]+( [\w'-]+)?)?(, [^,]{1,40},)?( over)? to|hand(ed|ing|s)? (the |its |their )?([\w'-]+ ){0,3}(camp|base|premises|outpost|compound) (in|at) ([\w'-]+ ){1,4}?(over )?to (the )?(regional |interim )?(governor|prefect|authorities|civilian|malian|state|army|armed forces|fama)|(camp|base|premises|outpost|compound)(, [^,]{1,40},)? ((in|at|of) [\w'-]+ ([\w'-]+ )?|(?!(commander|chief|staff|personnel|security|troops|guards?|perimeter|itself|and|was|has|had|is|were)\b)[\w'-]+ )?(\([^)]*\) )?(was |has been |had been |is |were )?(formally |officially )?(handed|transferred|closed|vacated|returned|retroceded|given back|turned over)|(closed|closing|vacated|shut|shuttered) (down )?(the |its |their )?([\w'-]+ ){0,3}(camp|base|outpost|compound)|closure of (the |its )?([\w'-]+ ){0,3}(camp|base|outpost|compound)|(left|quit|quitting|vacated|withdrew from|withdrawn from|pulled out of|departed|abandoned|evacuated|leaving) (the |its |their )?([\w'-]+ ){0,3}(camp|base|outpost|compound)|transferred (the |its )?([\w'-]+ ){0,3}(camp|base|outpost|compound)|withdrawal (of [\w' ]+ )?from (the |its )?([\w'-]+ ){0,3}(camp|base|outpost|compound)|retrocession|took possession of (the |its )?([\w'-]+ ){0,3}(camp|base|outpost|compound)|handover (ceremony|of the (camp|base|outpost|compound))|ceremony (to|marking|for) (close|closing|mark|hand|the closure|the handover)|hand(ed|ing|s)? (it|them) (over )?to (the )?(regional |interim )?(governor|prefect|authorities|civilian|malian|state|army|armed forces))/;
// "Refused to comment", "denied any involvement": words refused, not a permit.
// "The mission denied reports that…", "rejected claims of obstruction": a claim denied, not a permit.
const NOT_REFUSING = /^not (been |yet )?(authori[sz]ed|allowed|permitted) to (speak|talk|comment|brief|discuss|give|be named|be identified)\b|^(refus\w*|den\w*|declin\w*|rejected|withheld) (to )?(comment|say|confirm|disclose|give|reveal|elaborate|answer|speak|discuss|name|identify|specify|be named|be identified|provide details)\b|^withheld (the |their |his |her )?(names?|identit)|^(den\w*|reject\w*|dismiss\w*|refut\w*) (the |any |all |these |those |such )?(claims?|reports?|allegations?|accusations?|charges?|rumou?rs?|responsibility|involvement|criticism|suggestions?|that)\b/;
/** A match of the refusal verbs that refuses nothing: words refused, a cause in nature, a refusal denied ("never refused"), trucks stuck in the sand. */
function notARefusal(t: string, m: RegExpExecArray): boolean {
  if (NOT_REFUSING.test(t.slice(m.index)) || (NATURAL_ONLY.test(m[0]) && natural(t, m.index))) return true;
  // "Not because of any refusal", "without a ban": the noun denied.
  if (/^(refusal|ban)\b/.test(m[0]) && /\b(no|not|without|any)\b[^,;:.]{0,25}$/.test(t.slice(Math.max(0, m.index - 40), m.index))) return true;
  // "Had never been blocked", "no flight request was refused": the refusal itself is denied ("not authorised" is a refusal, matched from "not").
  if (!/^(not|no|only|did not|has yet|have yet|still)\b/.test(m[0]) && /\b(never|not|no longer|n't|none of)\s+(ever\s+|once\s+|yet\s+)?(been\s+|be\s+)?$|\bno\s+([\w-]+\s+){0,5}(was|were|has been|have been|had been|is|are)\s+$/.test(t.slice(Math.max(0, m.index - 60), m.index))) return true;
  // "The deteriorating situation did not permit their return": circumstances, not the state, stand in the way.
  if (/\b(situation|security|conditions|weather|insecurity|terrain|circumstances|timeline|schedule|time)\b[^,;:]{0,30}$/.test(t.slice(Math.max(0, m.index - 50), m.index)) && !actorsIn(t.slice(clauseAt(t, m.index).start, m.index)).some((a) => a.type === 'State forces')) return true;
  // "Trucks stuck in the sand" are not held by anyone: stuck is a restriction only awaiting a permit or at a border.
  return /^(stuck|stranded)/.test(m[0]) && !/\b(authori[sz]\w*|authorities|permi\w*|clearance|customs|border|approval)\b/.test(t);
}
// Verbs that weather, a breakdown or the road itself can cause as well as the state.
const NATURAL_ONLY = /^(grounded|turned back|halted|stopped|suspended|cancell?ed|stranded|interrupt\w*|held (up|back)|prevented|block(ed|ing))/;
/** Whether the clause of the verb at `at` gives weather, a breakdown or the terrain as the cause, or names no authority for "turned back". */
function natural(t: string, at: number): boolean {
  const c = clauseAt(t, at);
  const clause = t.slice(c.start, Math.max(c.end, at + 120));
  if (/\b(by|because of|due to|owing to|amid|after|following|in) (a |an |the |heavy |strong |severe |high |poor |bad )*(sand ?storms?|dust ?storms?|storms?|weather|rains?|rainfall|floods?|flooding|winds?|visibility|mechanical (problems?|failures?|faults?)|breakdowns?|technical (problems?|issues?|faults?)|mud|sand|dunes?|washed-out|heat)\b/.test(clause)) return true;
  return /^turned back/.test(t.slice(at)) && !/\b(authori[sz]\w*|permi\w*|clearance|customs|border|checkpoint|gendarme\w*|police|soldiers|army|fama|governor|prefect|officials?)\b/.test(t);
}
// A restriction ends: goods released, a ban lifted, trucks at last allowed to go.
const LIFTED = /\b(released|lifted|unblocked|(finally|eventually|at last) (been )?(allowed|authori[sz]ed|cleared|permitted|granted)|(were|was|have been|has been) (finally |eventually )?(allowed|authori[sz]ed|cleared|permitted) to|resumed)\b/;
// "Some 300 peacekeepers pulled out of the base": a counted part of a garrison.
const COUNTED_PART = new RegExp(`(^|[^\\w])(${NUMBER})\\s+([\\w-]+\\s+){0,2}(peacekeepers|troops|soldiers|personnel|blue helmets|police officers|trucks|lorries|vehicles)\\b`);
// "Six devices", "hit six times", "several blasts": a count of explosions or attacks.
const COUNTED_BLASTS = new RegExp(`(^|[^\\w])(${NUMBER})\\s+([\\w-]+\\s+){0,2}(ieds|devices|mines|bombs|attacks|ambushes|explosions|blasts)\\b|\\b(${NUMBER}) times\\b|\\b(several|a number of|multiple|a series of|a string of|numerous)\\s+([\\w-]+\\s+){0,2}(ieds|devices|mines|bombs|attacks|ambushes|explosions|blasts)\\b`);
// Over a whole journey: "on the way", "over the week-long journey", "since leaving Kidal".
const JOURNEY = /\b(on the way|along the way|along the [\w() -]{0,40}?(route|road|journey|axis)|en route|over the ([\w-]+ )?(journey|trip|drive)|during the ([\w-]+ )?(journey|trip|drive)|since (leaving|it left|they left|its departure|setting out|it set out|they set out|departing)|in all|in total|so far)\b/;
// A clause that names a day: "on Tuesday", "yesterday", "31 October", "Oct. 31".
const DAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|this morning|last night|overnight|\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b)/;
const MOVER = /\b(convoys?|staff|rotations?|airlift(ed)?|column|trucks|lorries|vehicles|troops|peacekeepers|contingent|blue helmets|personnel|soldiers|the last (elements|troops|peacekeepers|contingent)|units|battalion|police officers|flights?|aircraft|planes?|helicopters?)\b/;
// Verbs that say a movement began or ended. Departures alone keep a convoy's movement beside an attack on it.
const DEPARTURE = /^(left|leaves|departed|departs|set (off|out)|sets (off|out)|pulled out|pulls out|withdrew|moved out|drove (out|off)|rolled out|quit|evacuated|airlifted|flown out|flew out)\b/;
const DEPART = /\b(headed (south|north|east|west|out|home|back)|took off|takes off|rolls (out|into)|reaches|drives (out|off)|withdraws|pulled ([\w-]+ ){1,4}out of|boarded (their|its|the|a|an) ([\w-]+ )?(aircraft|plane|flight|airplane|ship|vessel|boat)|(started|began|begun|starts|begins) (their|its|the) ([\w-]+ )?(journey|trip|drive|march|road move|withdrawal|departure|pull-?out)|got under ?way|(were|was|been) repatriated|repatriated ([\w-]+ ){0,4}from|crossed (into|over into|the border)|left|leaves|departed|departs|set (off|out)|sets (off|out)|pulled out|pulls out|withdrew|(was|were|been) withdrawn|moved (out|to|back)|drove (out|off)|rolled (out|into)|quit|evacuated|airlifted|flown (out|to)|flew|redeployed|relocated|returned|arrived|arrives|reached|landed|made it to|completed (the |its |their )?([\w-]+ ){0,2}(withdrawal|departure|pull-?out|evacuation) from)\b/;
// The same verbs in other senses: "returned fire", "left three wounded", "left behind", "reached
// an agreement", "withdrew its request", "was left at the camp".
const NOT_MOVING = /^(landed (safely|normally|without incident)(?! (in|at) )|returned (fire|the fire|to (calm|normal))|left (behind|over|in place|unattended|untouched|open|intact|idle|unused|stranded)|left ([\w-]+ ){0,3}(dead|killed|wounded|injured|hurt|homeless|without)|reached (an? |the )?([\w-]+ )?(agreement|deal|accord|settlement|compromise|consensus|understanding|conclusion|decision|total|figure|number|level|peak|record|milestone|\d)|withdrew (its|their|the|a|his|her) ([\w-]+ )?(request|application|bid|offer|proposal|claim|demand|complaint|support|objection|statement|accreditation|consent|authori[sz]ation|permit|candidacy|nomination)|arrived at (an? |the )?([\w-]+ )?(agreement|deal|decision|conclusion|figure|total|number))\b/;
// Trucks held or blocked on their way are a restriction, not a movement; so is a clause about
// refused permits. Something that "could not be evacuated" did not move.
const HELD = /\b(block(ed|ing)|(?<!-)held|stranded|impounded|not (been |yet )?(allowed|authori[sz]ed|permitted|cleared)|refused|denied|barred|prevented|grounded|turned down|only ([\w-]+ ){0,6}(were |was )?(authori[sz]ed|allowed|granted|approved))\b|\b(could not|cannot|can not|unable to|failed to|impossible to)\s+(be\s+)?([\w-]+\s+){0,2}(left|leave|moved?|evacuated|evacuate|withdrawn|withdraw|flown|airlifted|returned)\b/;
// "Some 1,096 peacekeepers have already left the country": a running total, not a movement.
const TALLY = /\b(so far|in all|in total|to date)\b|\bsince (july|august|september|october|november|december|the start|the withdrawal|the beginning)\b/;
const DISPOSED = /\b(destroy(ed|ing)?|decommission(ed|ing)?|render(ed|ing)? ([\w-]+ ){0,3}(unusable|inoperable|useless)|disabled|deactivat(e|ed|ing)|dismantl(e|ed|ing)|blew up|blown up|sabotag(ed|ing)|donat(ed|ing)|gift(ed|ing)|sold|distributed|received ([\w-]+,? ){0,6}(generators|equipment|furniture|computers|vehicles|supplies|prefabricated|units|tanks)[\w ,]{0,40} from the (mission|minusma|un|united nations)|put ([\w-]+,? ){0,6}beyond (any )?use|(handed|given) (over )?as (a |an )?(gifts?|donations?)|(handed|gave|given) (over )?(?!no |any |details|indication|information)([\w-]+,? ){0,6}(equipment|generators|vehicles|assets|furniture|supplies|tanks|units))\b/;
