// Numbers in figures and in words ("45", "forty-five", "a dozen"), and bounds ("over 100",
// "nearly 350", "at least 20").
const UNITS: Record<string, number> = { zero: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, dozen: 12, score: 20 };
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** A number written in words (up to the thousands) or figures, or null. */
export function parseNumber(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/,(?=\d{3}\b)/g, '');
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of t.split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w in UNITS) current += UNITS[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

const WORD = '(?:\\d[\\d,]*|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|thousand|a dozen|dozen|and)[\\s-]*)+)';
export const NUMBER = WORD;

export type Amount = number | { min?: number; max?: number };

/** "over 100" → {min: 100}; "nearly 350" → {max: 350}; "45" → 45. */
export function amount(qualifier: string | undefined, value: number): Amount {
  const q = (qualifier ?? '').toLowerCase().trim();
  if (/^(over|more than|at least|upwards of|in excess of|some more than)$/.test(q)) return { min: value };
  if (/^(nearly|almost|up to|fewer than|less than|close to|just under)$/.test(q)) return { max: value };
  return value;
}

export const QUALIFIER = '(over|more than|at least|upwards of|in excess of|nearly|almost|up to|fewer than|less than|close to|just under|about|around|some|roughly)?';
