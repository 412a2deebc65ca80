import { describe, expect, it } from 'vitest';
import { clauseAt, clauses, readSentence, relativeMovements } from './patterns.ts';

const kinds = (s: string) => readSentence(s.toLowerCase()).map((r) => r.kind);

describe('clause-scoped reading', () => {
  it('splits a sentence into clauses at punctuation and subordinating words, keeping "a day after" whole', () => {
    const t = 'the blue helmets quit the camp at dawn, a day after the governor signed the papers as agreed';
    const parts = clauses(t).map((c) => t.slice(c.start, c.end).trim());
    expect(parts).toEqual(['the blue helmets quit the camp at dawn', ', a day after the governor signed the papers', 'as agreed']);
    const at = t.indexOf('signed');
    expect(t.slice(clauseAt(t, at).start, clauseAt(t, at).end)).toContain('a day after');
  });

  it('lets a fear, plan or obligation in another clause leave the event a fact', () => {
    // The worry is in its own clause: the departure happened.
    expect(kinds('A column of 60 trucks left Ansongo on Monday, prompting fears of an ambush on the road.')).toEqual(['movement']);
    // "Earlier than planned" compares with the plan: the camp was still left.
    expect(kinds('Peacekeepers vacated the camp at Gossi on Friday, a week earlier than planned.')).toContain('site_status');
    // In the same clause the modal still holds.
    expect(kinds('The troops must leave the camp at Gossi before the rains.')).toEqual([]);
    expect(kinds('The mission is preparing to vacate its base in Hombori in the coming weeks.')).toEqual([]);
  });

  it('does not take a denied or negated verb for an event', () => {
    expect(kinds('Ammunition and armoured vehicles may neither be sold nor donated, the spokesperson said.')).toEqual([]);
    expect(kinds('The governor said the base had not been handed over to him.')).toEqual([]);
  });

  it('needs a departure, not a convoy merely on its way, for a movement', () => {
    expect(kinds('Twelve lorries were heading for Gossi with spare parts.')).toEqual([]);
    expect(kinds('Twelve lorries set off for Gossi with spare parts on Sunday.')).toEqual(['movement']);
    // A running total is no movement; a past perfect with its day is one.
    expect(kinds('By then 2,300 troops had left Mali.')).toEqual([]);
    expect(kinds('The column had left Hombori on Sunday.')).toEqual(['movement']);
  });

  it('reads a relative clause that names a convoy as news only when it gives the day', () => {
    const vague = 'the column that left hombori last week was hit by a mine near gossi';
    const dated = 'the column that left hombori on sunday was hit by a mine near gossi';
    expect(readSentence(vague).find((r) => r.kind === 'movement')).toBeUndefined();
    expect(readSentence(dated).find((r) => r.kind === 'movement')?.requireDay).toBeDefined();
    expect(relativeMovements(dated).map(([a, b]) => dated.slice(a, b))).toEqual(['left hombori on sunday']);
  });

  it('counts a part of a garrison leaving a base as a movement, not the base closing', () => {
    expect(kinds('About 300 Togolese peacekeepers pulled out of the base in Sevare on Monday.')).toEqual(['movement']);
    expect(kinds('The last Togolese peacekeepers pulled out of the base in Sevare on Monday.')).toEqual(['site_status', 'movement']);
    // An ordinal count of sites recalls closings told before.
    expect(kinds('Gossi is the fifth camp closed since June.')).toEqual([]);
  });

  it('takes Malian forces moving into a vacated camp for its handover, not an incident', () => {
    expect(kinds('Malian soldiers moved into the former UN camp at Gossi on Thursday.')).toEqual(['site_status']);
    expect(kinds('A ceremony to close the camp at Gossi was held on Thursday.')).toEqual(['site_status']);
  });

  it('types more incidents: fire on aircraft, bombs that went off, abductions, killings by armed groups', () => {
    expect(kinds('A UN helicopter was hit by machine-gun fire over Hombori on Friday.')).toEqual(['incident']);
    expect(kinds('Two roadside bombs had gone off near Gossi on Friday.')).toEqual(['incident']);
    expect(readSentence('gunmen abducted two truck drivers near gossi on friday.')[0]).toMatchObject({ sub_event_type: 'Abduction/forced disappearance' });
    expect(readSentence('jihadists killed nine villagers near hombori on friday.')[0]).toMatchObject({ event_type: 'Violence against civilians' });
  });

  it('keeps host-state restrictions apart from refusals that are not', () => {
    expect(kinds('The mission denied reports that it had sold trucks to a trader.')).toEqual([]);
    expect(kinds('The mission suspended its patrols around Gossi after the attack.')).toEqual([]);
    expect(kinds('The convoy stopped for the night at Hombori.')).toEqual([]);
    expect(kinds('Forty trucks were stuck in the sand near Gossi.')).toEqual([]);
    expect(kinds('Forty trucks were stuck in Gossi, waiting for a customs permit.')).toEqual(['restriction']);
    expect(kinds('Protesters blocked the convoy outside Hombori.')).not.toContain('restriction');
    expect(kinds('Customs officers seized ten containers of UN equipment in Gao.')).toEqual(['restriction']);
    expect(kinds('The airlift was cancelled for lack of authorisation.')).toEqual(['restriction']);
    // A pattern of refusals is no one event.
    expect(kinds('Requests for flights are routinely denied.')).toEqual([]);
  });

  it('reads hand-overs of goods to local bodies as disposals', () => {
    expect(readSentence('on monday the mission handed ten generators to the town hall of gossi.')).toEqual([expect.objectContaining({ kind: 'disposal', detail: 'hand_over' })]);
    // A list of goods, commas and all.
    expect(kinds('On Monday the mission handed over six tents, two generators and some beds to the school of Gossi.')).toEqual(['disposal']);
    // What the rules allow is no event.
    expect(kinds('The regulations allow unneeded vehicles to be donated to local councils.')).toEqual([]);
  });

  it('reads an explosion told without naming the weapon, and not a count of them over a journey', () => {
    expect(readSentence('a second device went off beside a water truck near hombori on monday.')[0]).toMatchObject({ kind: 'incident', sub_event_type: 'Remote explosive/landmine/IED' });
    expect(readSentence('the blast, on monday about 30 km from hombori, wounded three soldiers.')[0]).toMatchObject({ kind: 'incident', sub_event_type: 'Remote explosive/landmine/IED' });
    expect(kinds('The column struck five mines on the way, and nine soldiers were hurt.')).toEqual([]);
    expect(kinds('Since leaving Hombori, the column has hit three explosive devices.')).toEqual([]);
    expect(kinds('Over the four-day trip, the trucks ran over two mines.')).toEqual([]);
    // One device on a named day is one event.
    expect(kinds('On Monday the column struck two mines on the way to Gossi.')).toEqual(['incident']);
  });

  it('takes control of a town for a capture, but not a coup for one, and a notorious road for no event', () => {
    expect(readSentence('the army said on monday it had taken control of hombori.')[0]).toMatchObject({ kind: 'incident', event_type: 'Battles', sub_event_type: 'Government regains territory' });
    expect(kinds('Officers seized power in a coup on Monday.')).toEqual([]);
    expect(kinds('The track to Gossi is notorious for ambushes by bandits.')).toEqual([]);
    expect(kinds('The Hombori area is known for attacks on trucks.')).toEqual([]);
  });

  it('reads a base handed over in a town to a civilian authority, and keeps "five days after" as one clause', () => {
    expect(readSentence('the peacekeepers handed their camp in the small town to the prefect on monday.')).toEqual([expect.objectContaining({ kind: 'site_status', detail: 'prefect' })]);
    const t = 'the trucks reached gao on friday, five days after the soldiers left hombori';
    expect(t.slice(clauseAt(t, t.indexOf('left')).start, clauseAt(t, t.indexOf('left')).end)).toBe(', five days after the soldiers left hombori');
  });

  it('reads trucks held at a border as a restriction, and its lifting or a breakdown as none', () => {
    expect(kinds('Customs at the border have been holding twelve lorries of UN equipment since Monday.')).toEqual(['restriction']);
    expect(kinds('Twenty trucks were held at the border post for four days.')).toEqual(['restriction']);
    expect(kinds('The mission is holding talks with the authorities.')).toEqual([]);
    expect(kinds('Customs released the twelve tankers held in Gossi on Monday.')).toEqual([]);
    expect(kinds('The trucks were at last allowed to leave Gossi on Monday, weeks after they were blocked.')).toEqual([]);
    expect(kinds('The soldiers were stranded near Gossi after two trucks broke down.')).toEqual([]);
  });
});
