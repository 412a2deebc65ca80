// A report's text as sentences: paragraphs, list items and abbreviations kept whole; and the wire
// dateline that says where and when a story was filed. Pure.
const ABBREVIATIONS = /\b(mr|mrs|ms|dr|gen|col|lt|capt|maj|sgt|st|no|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.n|u\.s|approx|vs|etc)\.$/i;

/** Sentences, paragraph by paragraph: a line on its own (a headline, a date) is one too. */
export function sentences(text: string): string[] {
  return paragraphSentences(text).map((x) => x.sentence);
}

/** Sentences with the number of the paragraph each is in. */
export function paragraphSentences(text: string): { sentence: string; paragraph: number }[] {
  const out: { sentence: string; paragraph: number }[] = [];
  let paragraphs = 0;
  // Paragraphs: a blank line, a line after an unpunctuated one, and each item of a list ("- …", "• …", "a. …").
  for (const paragraph of text.split(/\n\s*\n|\n(?=[A-Z0-9"“])(?<=[^.!?,;:\s-]\n)|\n(?=\s*(?:[-•*–]|[a-z]\.|\d{1,2}\.)\s)/)) {
    const parts = paragraph.replace(/\s+/g, ' ').trim().split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z0-9])/);
    const start = out.length;
    paragraphs += 1;
    for (const p of parts) {
      if (out.length > start && ABBREVIATIONS.test(out[out.length - 1]!.sentence)) out[out.length - 1]!.sentence += ` ${p}`;
      else out.push({ sentence: p, paragraph: paragraphs });
    }
  }
  return out.filter((s) => s.sentence.length > 0);
}

/**
 * A wire dateline ("GAO, Mali (AFP) — ", "BAMAKO, Nov 15 - ", "NOTE TO CORRESPONDENTS - "): where
 * and when the story was filed, not where or when it happened.
 */
const DATELINE = /^\s*([A-ZÀ-Ý][A-ZÀ-Ý' ./-]+?)(?:,\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)[A-Z][a-z]+\.?)?(?:(?:,|\s+[—–-])\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?(?:\s*\([^)]*\))?(?:\s+[—–-]+\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?),?\s+\d{4})?(?:\s+|\s*\.)[—–-]+\s+/;
/** A press release's dateline: a place in ordinary case, then a full date ("Mopti, 10 December 2023 – "). */
const DATED_PLACE = /^\s*([A-ZÀ-Ý][a-zà-ÿ'-]+(?:[ -][A-ZÀ-Ý][a-zà-ÿ'-]+){0,2})(?:,\s*[A-Z][a-z]+)?(?:,|\s+[—–-])\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?),?\s+\d{4}(?:\s*\([^)]*\))?\s*\.?[—–-]+\s+/;
/** An agency's dateline with the place in ordinary case: "Bamako (dpa) - ". */
const AGENCY_PLACE = /^\s*([A-ZÀ-Ý][a-zà-ÿ'-]+(?:[ -][A-ZÀ-Ý][a-zà-ÿ'-]+){0,2})(?:,\s*[A-Z][a-z]+)?\s*\((?:AFP|AP|Reuters|dpa|DPA|EFE|Xinhua|AA|Anadolu|APA|UPI|ANP|Kyodo)\)\s*\.?[—–-]+\s+(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?),?\s+\d{4}\s*[—–-]+\s+)?/;
/** Where a dateline is: at the start, or after a heading of a line or two ("PRESS RELEASE", a title). */
export function findDateline(text: string): { start: number; match: RegExpExecArray } | null {
  let start = 0;
  for (let line = 0; line < 5 && start < text.length; line += 1) {
    // Blank lines between a heading and the dateline do not count as lines.
    while (text[start] === '\n' || (text[start] === ' ' && /^ *\n/.test(text.slice(start)))) start = text.indexOf('\n', start) + 1;
    const rest = text.slice(start);
    const m = (line === 0 ? DATELINE.exec(rest) : null) ?? DATED_PLACE.exec(rest) ?? AGENCY_PLACE.exec(rest) ?? (line > 0 && /^\s*[A-ZÀ-Ý' ./-]{3,}(,|\s+[—–-]|\s*\()/.test(rest) ? DATELINE.exec(rest) : null);
    if (m) return { start, match: m };
    const next = text.indexOf('\n', start);
    if (next < 0) break;
    start = next + 1;
  }
  return null;
}
