// Dates in a sentence, resolved against the publication date: "on 21 October", "21 Oct.",
// "on Friday", "this morning", "yesterday", "over the weekend", "since 24 September", "last
// week", "in October". Years other than the publication's mark background.
import { addDays, toEpochDay } from '../domain/dates.ts';

export type Resolved = { date: string; precision: 'day' | 'month' | 'year'; explicit: boolean; since?: boolean };

/** "since 24 September", "since Sunday": the start of a state of affairs, which dates no event that follows. */
const sinceBefore = (s: string, at: number) => /\bsince\s+(the\s+)?(early\s+|late\s+|mid-?)?((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?$/.test(s.slice(Math.max(0, at - 30), at));
const withSince = (r: Resolved, s: string, at: number): Resolved => (sinceBefore(s, at) ? { ...r, since: true } : r);

/**
 * "A day after …", "two days before …": the event of the clause that starts so is that many days
 * from the date of the rest of the sentence. The offset in days, or null.
 */
export function dayOffset(clause: string): number | null {
  const m = /^\W*(a|one|two|three|four|five|six|\d+|the) (day|days|week|weeks|month|months) (after|before|later|earlier)\b/i.exec(clause);
  if (!m) {
    // "…had struck the town the day before", "…left the next day": inside the clause, relative to the rest.
    if (/\b(the (day|night) before|the previous (day|night)|on the eve)\b/i.test(clause)) return -1;
    if (/\b(the (next|following) (day|morning)|the day after)\b/i.test(clause)) return 1;
    return null;
  }
  const n = m[1]!.toLowerCase() === 'a' || m[1]!.toLowerCase() === 'the' || m[1]!.toLowerCase() === 'one' ? 1 : Number(m[1]) || ['two', 'three', 'four', 'five', 'six'].indexOf(m[1]!.toLowerCase()) + 2;
  const days = /month/.test(m[2]!) ? n * 30 : /week/.test(m[2]!) ? n * 7 : n;
  return /after|later/.test(m[3]!.toLowerCase()) ? -days : days;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const monthIndex = (m: string) => MONTHS.findIndex((x) => x.startsWith(m.toLowerCase().replace('.', '').slice(0, 3)));
const pad = (n: number) => String(n).padStart(2, '0');
// 1970-01-01 was a Thursday; the double modulo keeps days before 1970 in 0–6 too.
const weekday = (date: string) => (((toEpochDay(date) + 4) % 7) + 7) % 7;

function valid(y: number, m: number, d: number): string | null {
  const s = `${y}-${pad(m + 1)}-${pad(d)}`;
  const t = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s ? s : null;
}

/** Every year a sentence names. */
export function yearsIn(sentence: string): number[] {
  return [...sentence.matchAll(/\b(19[5-9]\d|20[0-4]\d)\b/g)].map((m) => Number(m[1]));
}

/** The day (or month) a sentence's event happened, or null when it names none. */
export function resolveDate(sentence: string, published: string): Resolved | null {
  const s = sentence.toLowerCase();
  const year = Number(published.slice(0, 4));
  // A year is 19xx or 20xx: "15 Aug 0910" is a time of day.
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH}(?:,? ((?:19|20)\\d{2})\\b)?`).exec(s) ?? null;
  const monthDay = new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?(?:,? ((?:19|20)\\d{2}))?\\b`).exec(s) ?? null;
  if (dayMonth || monthDay) {
    const [d, m, y] = dayMonth ? [Number(dayMonth[1]), monthIndex(dayMonth[2]!), dayMonth[3]] : [Number(monthDay![2]), monthIndex(monthDay![1]!), monthDay![3]];
    const date = valid(y ? Number(y) : year, m, d);
    // A day after publication without a year is last year's, unless it is in the next weeks ("rebooked for 20 Nov"): a plan.
    const ahead = date ? toEpochDay(date) - toEpochDay(published) : 0;
    if (date) return withSince({ date: !y && ahead > 45 ? valid(year - 1, m, d) ?? date : date, precision: 'day', explicit: true }, s, (dayMonth ?? monthDay)!.index);
  }
  if (/\b(today|this morning|this afternoon|this evening|tonight|earlier today)\b/.test(s)) return { date: published, precision: 'day', explicit: true };
  if (/\b(yesterday|last night|overnight)\b/.test(s)) return { date: addDays(published, -1), precision: 'day', explicit: true };
  // "Three days ago" is a day; "weeks ago", "a few days ago" are not.
  const ago = /\b(?:(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|some|many|(?:a )?couple of) )?(days?|weeks?|months?|years?|fortnight) ago\b/.exec(s);
  if (ago) {
    const n = ago[1] === undefined ? -1 : /^\d/.test(ago[1]) ? Number(ago[1]) : ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].indexOf(ago[1]);
    if (/^day/.test(ago[2]!) && n >= 0) return { date: addDays(published, -Math.max(1, n)), precision: 'day', explicit: true };
    return { date: addDays(published, /^(week|fortnight)/.test(ago[2]!) ? -7 * Math.max(1, n) : -30), precision: /^year/.test(ago[2]!) ? 'year' : 'month', explicit: true };
  }
  if (/\b(over|at|during) the weekend\b|\bthis weekend\b|\blast weekend\b/.test(s)) {
    let d = published;
    while (weekday(d) !== 6 || d === published) d = addDays(d, -1);
    return { date: d, precision: 'day', explicit: true };
  }
  const wd = new RegExp(`\\b(?:on |last |this )?(${WEEKDAYS.join('|')})\\b`).exec(s);
  if (wd) {
    const target = WEEKDAYS.indexOf(wd[1]!);
    let d = published;
    while (weekday(d) !== target) d = addDays(d, -1);
    return withSince({ date: d, precision: 'day', explicit: true }, s, wd.index);
  }
  if (/\bin the (days|weeks) (leading up to|before|after|that followed|preceding)\b|\b(in|over) (recent|the past|the last) (few )?(days|weeks|months)\b|\b(earlier|later) (this|that|in the) month\b|\blast month\b/.test(s)) return { date: addDays(published, -7), precision: 'month', explicit: true };
  if (/\b(a|one|two|three|several) years? (earlier|before|ago)\b|\bthe (previous|year before|preceding) year\b/.test(s)) return { date: `${year - 1}-06-15`, precision: 'year', explicit: true };
  if (/\b(last week|earlier this week|this week)\b/.test(s)) return { date: addDays(published, -5), precision: 'month', explicit: true };
  const inMonth = new RegExp(`\\b(?:in|since|during|early|late|mid-?|(?:the )?(?:end|beginning|start|middle) of)\\s*${MONTH}(?: (\\d{4}))?\\b`).exec(s);
  if (inMonth) {
    const m = monthIndex(inMonth[1]!);
    const y = inMonth[2] ? Number(inMonth[2]) : year;
    return { date: `${y}-${pad(m + 1)}-15`, precision: 'month', explicit: true };
  }
  return null;
}

/** The day a state of affairs began ("since 24 September", "since Monday"), or null. */
export function sinceDate(s: string, published: string): string | null {
  const m = /\bsince\s+(.{0,40})/i.exec(s);
  if (!m) return null;
  const r = resolveDate(`since ${m[1]}`, published);
  return r && r.precision === 'day' && r.since ? r.date : null;
}

/** Who said it and when: "the mission said Wednesday", "told AFP on Monday". */
export const ATTRIBUTION = /\b((said|says|announced|reported|added|stated|confirmed|complained|warned|noted)(\s+(in a (statement|press release|communique|note)|to (reporters|journalists)|at a (news |press )?(conference|briefing)|by (tele)?phone|in new york|late|early))?|(told|accused|according to)(\s+[\w.'-]+){1,4}?|in a statement( [\w.'-]+){0,6}?)\s+(on\s+)?(\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b/g;
