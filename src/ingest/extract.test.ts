import { describe, expect, it } from 'vitest';
import { resolveDate } from './dates.ts';
import { extract, sentences } from './extract.ts';
import { buildGazetteer, placesIn } from './gazetteer.ts';
import { parseNumber } from './numbers.ts';
import { duplicateOf, suggestEvent } from './review.ts';

const g = buildGazetteer([], false);
const read = (text: string, published = '2023-10-26') => extract(text, { published, gazetteer: g });
const kinds = (text: string, published?: string) => read(text, published).map((c) => c.kind);

describe('reading reports', () => {
  it('reads each kind of event, with its place, day and details', () => {
    const c = read('GAO, Mali (AFP) — Peacekeepers handed the Goundam camp to the regional governor on Wednesday, and a convoy of 45 trucks left for Timbuktu, some 90 km away. Two requests for supply flights were refused.');
    expect(c.map((x) => [x.kind, x.location?.name, x.date])).toEqual([
      ['site_status', 'Goundam', '2023-10-25'],
      ['movement', 'Goundam', '2023-10-25'],
      ['restriction', 'Goundam', '2023-10-25'],
    ]);
    expect(c[0]!.detail).toBe('regional governor');
    expect(c[1]).toMatchObject({ from: { name: 'Goundam' }, to: { name: 'Timbuktu' }, quantity: { trucks: 45, km: 90 } });
    expect(c[2]).toMatchObject({ detail: 'air', quantity: { requested: 2, denied: 2 } });
    const ied = read('On Tuesday an improvised explosive device struck a UN convoy near Anefis, wounding four Chadian peacekeepers.')[0]!;
    expect(ied).toMatchObject({ kind: 'incident', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', date: '2023-10-24', injured: 4, location: { name: 'Anefis' } });
    expect(ied.actors).toEqual(['MINUSMA: Chadian contingent']);
    const attack = read('Gunmen fired on a logistics convoy 50 km south of Ansongo on Thursday, wounding four civilian truck drivers.')[0]!;
    expect(attack).toMatchObject({ event_type: 'Violence against civilians', sub_event_type: 'Attack', injured: 4 });
    const customs = read('Malian customs have blocked fuel tankers bound for the camp in Gao since 24 September.');
    expect(customs.map((x) => [x.kind, x.detail])).toEqual([['restriction', 'customs']]);
    const destroyed = read('Before leaving Tessalit, the mission destroyed vehicles and ammunition that could not be moved.');
    expect(destroyed.find((x) => x.kind === 'disposal')).toMatchObject({ detail: 'destroy', location: { name: 'Tessalit' } });
  });

  it('keeps background facts apart and never as new events', () => {
    const c = read('Three peacekeepers were killed on this road in February 2022. The mission was deployed in 2013 after a coup in 2012. Peace deals struck in 2014 and 2015 have since collapsed.');
    expect(c.every((x) => x.kind === 'background')).toBe(true);
    expect(c.length).toBeGreaterThan(0);
    // An old year beside a date of this year is news.
    expect(kinds('The convoy, the first to leave Kidal since 2014, set off on Tuesday.')).toEqual(['movement']);
  });

  it('resolves dates against the publication date, with their precision', () => {
    expect(resolveDate('It happened this morning', '2023-10-31')).toMatchObject({ date: '2023-10-31', precision: 'day' });
    expect(resolveDate('yesterday', '2023-10-31')!.date).toBe('2023-10-30');
    expect(resolveDate('on Friday', '2023-10-31')!.date).toBe('2023-10-27');
    expect(resolveDate('on Tuesday', '2023-10-31')!.date).toBe('2023-10-31');
    expect(resolveDate('on 21 October', '2023-10-31')!.date).toBe('2023-10-21');
    expect(resolveDate('October 21', '2023-10-31')!.date).toBe('2023-10-21');
    expect(resolveDate('over the weekend', '2023-10-31')!.date).toBe('2023-10-28');
    expect(resolveDate('since 24 September', '2023-10-31')!.date).toBe('2023-09-24');
    expect(resolveDate('in October', '2023-11-02')).toMatchObject({ date: '2023-10-15', precision: 'month' });
    // A day after publication with no year is last year's.
    expect(resolveDate('on 30 December', '2023-07-10')!.date).toBe('2022-12-30');
    expect(resolveDate('no date here', '2023-07-10')).toBeNull();
  });

  it('knows places by their aliases and French forms, and not inside other words', () => {
    const names = (s: string) => placesIn(g, s).map((p) => p.name);
    expect(names("From Tombouctou and Aguel'hoc to Sévaré, then Ménaka")).toEqual(['Timbuktu', 'Aguelhok', 'Sévaré', 'Ménaka']);
    expect(names('A member of the number said ber')).toEqual([]);
    expect(names('The camp at Ber')).toEqual(['Ber']);
  });

  it('reads numbers in words and figures, and bounds', () => {
    expect(parseNumber('forty-five')).toBe(45);
    expect(parseNumber('one hundred and forty-three')).toBe(143);
    expect(parseNumber('1,200')).toBe(1200);
    expect(read('A convoy of over 100 vehicles left Kidal on Tuesday.')[0]!.quantity).toEqual({ vehicles: { min: 100 } });
    expect(read('Nearly 350 peacekeepers left Kidal on Tuesday.')[0]!.quantity).toEqual({ people: { max: 350 } });
  });

  it('ignores what might happen, and splits sentences at abbreviations only where they end', () => {
    expect(kinds('Officials fear convoys could be attacked on the road to Gao.')).toEqual([]);
    expect(sentences('Lt. Col. Traoré spoke. The convoy left on 21 Oct. and reached Gao.')).toEqual(['Lt. Col. Traoré spoke.', 'The convoy left on 21 Oct. and reached Gao.']);
  });

  it('suggests the log event of a candidate, and flags one the log already has', () => {
    const [ied] = read('On Tuesday an IED hit a UN convoy near Anefis, wounding four peacekeepers.');
    const event = suggestEvent(ied!);
    expect(event).toMatchObject({ type: 'incident', on: '2023-10-24', sub_event_type: 'Remote explosive/landmine/IED', location: { name: 'Anefis' }, injured: 4 });
    const log = [{ seq: 7, event: { ...(event as object), actors: [], fatalities: 0 } as never }];
    expect(duplicateOf(ied!, log, [])).toBe(7);
    expect(duplicateOf({ ...ied!, date: '2023-10-20' }, log, [])).toBeNull();
  });
});

describe('general rules of place and day', () => {
  const brief = (text: string, published = '2023-11-10') => read(text, published).filter((c) => c.kind !== 'background').map((c) => [c.kind, c.date, c.location?.name ?? null]);

  it('dates an event by its own clause, and "a day after" from the rest of the sentence', () => {
    expect(brief('Peacekeepers pulled out of their camp at Gossi yesterday, a day after the authorities refused to authorise an airlift.')).toEqual([
      ['site_status', '2023-11-09', 'Gossi'],
      ['movement', '2023-11-09', 'Gossi'],
      ['restriction', '2023-11-08', 'Gossi'],
    ]);
  });

  it('gives an undated headline the day of the story it heads', () => {
    expect(brief('UN hands over Hombori camp\n\nThe mission handed over its camp in Hombori to the prefect on Wednesday.')).toEqual([['site_status', '2023-11-08', 'Hombori']]);
  });

  it('keeps the day of a relative clause to that clause', () => {
    const c = read('The authorities have refused overflights for the column that left Hombori on Monday, the mission said on Thursday.', '2023-11-10');
    expect(c.map((x) => [x.kind, x.date])).toEqual([['restriction', '2023-11-09']]);
  });

  it('puts an event at a reference point before the dateline, and the story focus before both', () => {
    expect(brief('BAMAKO, Nov 10 - Gunmen fired on a UN convoy 40 km north of Gossi yesterday, wounding two drivers.')).toEqual([['incident', '2023-11-09', 'Gossi']]);
    expect(brief('Peacekeepers left their camp at Hombori on Thursday. Malian troops took possession of the camp, about 50 km west of Gossi.')).toEqual([
      ['site_status', '2023-11-09', 'Hombori'],
      ['movement', '2023-11-09', 'Hombori'],
    ]);
  });

  it('takes neither the ends of a road, a region, nor a place named to compare for where something happened', () => {
    expect(brief('Gunmen attacked a convoy on Tuesday on the road that links Gossi to Hombori, about 20 km from Hombori.')).toEqual([['incident', '2023-11-07', 'Hombori']]);
    expect(brief('The mission closed its Hombori camp in the Gao region on Tuesday.')).toEqual([['site_status', '2023-11-07', 'Hombori']]);
    expect(brief('Peacekeepers left their camp at Gossi on Tuesday. Before leaving, they destroyed ammunition and vehicles, as they had at Hombori.')).toContainEqual(['disposal', '2023-11-07', 'Gossi']);
  });

  it('locates an incident where it struck, not where the convoy came from or went', () => {
    expect(brief('The convoy that left Gossi this week was hit by a roadside bomb near Hombori yesterday.')).toEqual([['incident', '2023-11-09', 'Hombori']]);
    expect(brief('The last troops left the camp at Gossi on Tuesday and arrived in Gao on Wednesday after the mission closed its camp in the town.')).toContainEqual(['site_status', '2023-11-07', 'Gossi']);
  });

  it('reads datelines in several forms, after a heading too, as where and when the story was filed', () => {
    expect(brief('PRESS RELEASE\nA camp changes hands\n\nGossi, 10 November 2023 – The mission on Wednesday handed over its camp to the governor.')).toEqual([['site_status', '2023-11-08', 'Gossi']]);
    expect(brief('HOMBORI – 10 November 2023 – The mission on Wednesday gave four generators to the health centre. The gift followed UN rules.')).toEqual([['disposal', '2023-11-08', 'Hombori']]);
    expect(brief('NIAMEY/GOSSI, Nov 10 (AFP) - Customs officers have been holding ten trucks of UN equipment since Monday.')).toEqual([['restriction', '2023-11-06', 'Gossi']]);
  });

  it('dates "on the same occasion" by the event told just before', () => {
    expect(brief('Peacekeepers handed their camp at Gossi to the prefect on Tuesday. The last troops left by road on Thursday. On the same occasion as the handover, generators were donated to the town hall.')).toContainEqual(['disposal', '2023-11-09', 'Gossi']);
    expect(brief('The mission handed its camp at Gossi to the prefect on Tuesday. On that occasion, ten tents and two generators were donated to the school.')).toContainEqual(['disposal', '2023-11-07', 'Gossi']);
  });

  it('puts an event at a reference point when the story focus is not that far from it, and a refused flight where it was going', () => {
    // Gossi lies some 70 km from Hombori: "70 km from Gossi" may be the focus, "250 km north of Gossi" is not.
    const near = read('A mine hit a UN truck in Hombori on Monday. On Tuesday another device went off about 70 km from Gossi, wounding two soldiers.', '2023-11-10').filter((c) => c.kind === 'incident');
    expect(near.map((c) => c.location?.name)).toEqual(['Hombori', 'Hombori']);
    const far = read('A mine hit a UN truck in Hombori on Monday. On Tuesday another device went off about 250 km north of Gossi, wounding two soldiers.', '2023-11-10').filter((c) => c.kind === 'incident');
    expect(far.map((c) => c.location?.name)).toEqual(['Hombori', 'Gossi']);
    expect(brief('A mine hit a UN truck near Hombori on Monday. The wounded stayed with the column after a request to fly them to Gossi was refused on Tuesday.')).toContainEqual(['restriction', '2023-11-07', 'Gossi']);
  });

  it('sets apart as background what is told without a day or more than ten days back', () => {
    expect(kinds('In September, peacekeepers left the camp at Gossi.', '2023-11-10')).toEqual(['background']);
    expect(kinds('Peacekeepers left the camp at Gossi on 12 October.', '2023-11-10')).toEqual(['background']);
    expect(kinds('Peacekeepers left the camp at Gossi on 8 November.', '2023-11-10')).toEqual(['site_status', 'movement']);
    // A restriction that still holds is dated from its start.
    expect(brief('Some 80 trucks have been stuck in Gao since 20 October, waiting for customs clearance.')).toEqual([['restriction', '2023-10-20', 'Gao']]);
  });

  it('merges one incident told twice with two types, and keeps a handover over the next day\'s leaving', () => {
    expect(brief('Two drivers were killed when gunmen ambushed trucks near Gossi on Tuesday. The trucks, escorted by peacekeepers, were attacked twice near Gossi.')).toEqual([['incident', '2023-11-07', 'Gossi']]);
    expect(brief('The mission handed over its camp in Gossi to the governor yesterday. The last peacekeepers left the camp this morning.')).toEqual([
      ['site_status', '2023-11-09', 'Gossi'],
      ['movement', '2023-11-10', 'Gossi'],
    ]);
  });
});
