// The actors the reports name, with their ACLED actor types: the mission and its contingents,
// the Malian armed forces, the separatist alliance, JNIM, Islamic State Sahel, Wagner, the host
// state's authorities and customs, and civilians.
export type Actor = { name: string; type: string };

const NATIONS = ['chadian', 'nigerien', 'senegalese', 'burkinabe', 'togolese', 'egyptian', 'bangladeshi', 'guinean', 'nepalese', 'ivorian', 'cambodian', 'pakistani'];

const DICTIONARY: { pattern: RegExp; actor: Actor }[] = [
  ...NATIONS.map((n) => ({ pattern: new RegExp(`\\b${n} (peacekeepers|troops|contingent|soldiers|blue helmets|battalion|police)`), actor: { name: `MINUSMA: ${n[0]!.toUpperCase()}${n.slice(1)} contingent`, type: 'External/Other forces' } })),
  { pattern: /\b(minusma|peacekeep\w*|blue helmets|un mission|united nations mission|un convoy|un troops|un forces|the mission)\b/, actor: { name: 'MINUSMA', type: 'External/Other forces' } },
  { pattern: /\b(fama|malian army|malian armed forces|malian soldiers|malian troops|armed forces of mali|the army)\b/, actor: { name: 'Military Forces of Mali', type: 'State forces' } },
  { pattern: /\b(csp-psd|csp|cma|coordination of azawad movements|tuareg[- ]led|tuareg (separatists|rebels|groups)|separatists|former rebels|ex-rebels)\b/, actor: { name: 'CSP-PSD', type: 'Rebel group' } },
  { pattern: /\b(jnim|gsim|al-qaeda|al qaeda|support group for islam and muslims|group for support of islam and muslims)\b/, actor: { name: 'JNIM: Group for Support of Islam and Muslims', type: 'Rebel group' } },
  { pattern: /\b(islamic state|is sahel|issp|isgs|is-sahel)\b/, actor: { name: 'Islamic State (Sahel)', type: 'Rebel group' } },
  { pattern: /\bwagner\b/, actor: { name: 'Wagner Group', type: 'External/Other forces' } },
  { pattern: /\bcustoms\b/, actor: { name: 'Customs of Mali', type: 'State forces' } },
  { pattern: /\b(transitional authorities|junta|malian authorities|transitional government|malian government|bamako authorities|the authorities)\b/, actor: { name: 'Government of Mali (2021-)', type: 'State forces' } },
  { pattern: /\b(gunmen|armed men|unidentified (assailants|attackers|gunmen)|jihadists?|militants?|assailants|attackers)\b/, actor: { name: 'Unidentified Armed Group (Mali)', type: 'Political militia' } },
  { pattern: /\b(protesters|demonstrators|protest(ed|ing)?|demonstrat(ion|ions|ed))\b/, actor: { name: 'Protesters (Mali)', type: 'Protesters' } },
  { pattern: /\b(civilians?|drivers?|contractors?|villagers|passengers)\b/, actor: { name: 'Civilians (Mali)', type: 'Civilians' } },
];

export function actorsIn(sentence: string): Actor[] {
  const s = sentence.toLowerCase();
  const out: Actor[] = [];
  for (const { pattern, actor } of DICTIONARY) if (pattern.test(s) && !out.some((a) => a.name === actor.name)) out.push(actor);
  // A named contingent makes the bare mission redundant.
  if (out.some((a) => a.name.startsWith('MINUSMA: '))) return out.filter((a) => a.name !== 'MINUSMA');
  return out;
}
