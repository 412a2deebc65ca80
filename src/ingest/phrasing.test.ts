// Phrasings the rules must read right, written to test the rules in general: verbs of movement or
// refusal in other senses, causes that are not the state, restrictions told as going on, and
// events told in less common words. Each line is one report published on Friday 20 October 2023.
import { describe, expect, it } from 'vitest';
import { extract } from './extract.ts';
import { buildGazetteer } from './gazetteer.ts';

const gazetteer = buildGazetteer();
/** One test a sentence: what it must give, as kind@place/day. */
const table = (rows: [string, string[]][]) => it.each(rows)('%s', (text, expected) => expect(read(text)).toEqual(expected));
const read = (text: string) => extract(text, { published: '2023-10-20', gazetteer }).filter((c) => c.kind !== 'background').map((c) => `${c.kind}@${c.location?.name ?? '?'}/${c.date}`);

describe('words that look like events but are not', () => {
  table([
    ['Peacekeepers returned fire on Thursday in Kidal and the assailants fled.', []],
    ['The blast on Thursday near Anefis left three peacekeepers wounded.', ['incident@Anefis/2023-10-19']],
    ['The attack on Thursday left two Malian soldiers dead in Bourem.', ['incident@Bourem/2023-10-19']],
    ["The mission refused to comment on Thursday on the convoy's route from Gao.", []],
    ['The spokesperson refused to say on Thursday when the last flight would leave Tessalit.', []],
    ['Several vehicles were left behind at the Tessalit camp on Thursday.', []],
    ['The Chadian contingent withdrew its request for an airlift from Aguelhok on Thursday.', []],
    ['The convoy turned back to Gao on Thursday because of a sandstorm.', []],
    ['Helicopters were grounded in Timbuktu on Thursday by a sandstorm.', []],
    ['The mission said on Thursday that no convoy had left Kidal.', []],
    ['Peacekeepers reached an agreement with local leaders in Ber on Thursday.', []],
    ['The number of troops who have left Mali reached 6,000 on Thursday, the mission said.', []],
    ["The mission's trucks left Gao for Ménaka weeks ago, officials said on Thursday.", []],
    ['"We have been refused flights many times," a UN official in Timbuktu said on Thursday.', []],
    ['Asked on Thursday whether flights to Kidal had been refused, the spokesperson said they had not.', []],
  ]);
});

describe('events told in less common words', () => {
  table([
    ['Bangladeshi peacekeepers started their journey from Sévaré to Gao on Thursday.', ['movement@Sévaré/2023-10-19']],
    ['The convoy, made up of 85 trucks, got under way from Gao at dawn on Thursday.', ['movement@Gao/2023-10-19']],
    ['Some 300 Senegalese peacekeepers were repatriated from Mopti on Thursday.', ['movement@Mopti/2023-10-19']],
    ['Three days ago a convoy of 40 trucks left Gao for Ansongo.', ['movement@Gao/2023-10-17']],
    ['The camp in Goundam was transferred to the Malian armed forces on Thursday.', ['site_status@Goundam/2023-10-19']],
    ['Equipment that could not be moved was rendered unusable at Aguelhok on Thursday.', ['disposal@Aguelhok/2023-10-19']],
    ['Customs officials in Gao on Thursday seized three containers belonging to the mission.', ['restriction@Gao/2023-10-19']],
    ['No flight authorisation was granted on Thursday for the airlift from Aguelhok.', ['restriction@Aguelhok/2023-10-19']],
    ['The governor of Kidal on Thursday ordered the closure of the road to Anefis to all UN vehicles.', ['restriction@Kidal/2023-10-19']],
    ['Peacekeepers were confined to their camp in Kidal on Thursday by order of the authorities.', ['restriction@Kidal/2023-10-19']],
  ]);
});

describe('a restriction told as going on is the one told before', () => {
  table([
    ['Customs at Labbezanga have held 30 mission trucks since 24 September. On Thursday the trucks were still blocked at the border, a driver said.', ['restriction@Labbezanga/2023-09-24']],
    ['The authorities refused a flight to Kidal on Tuesday. The mission said on Thursday it was still waiting for the authorisation.', ['restriction@Kidal/2023-10-17']],
    ['Since Monday, some 200 trucks have been prevented from leaving Gao. The trucks remained blocked on Thursday.', ['restriction@Gao/2023-10-16']],
  ]);

  it('keeps a new refusal at another place apart', () => {
    expect(read('The authorities refused a flight to Kidal on Tuesday. On Thursday a flight to Timbuktu was still not authorised.')).toEqual(['restriction@Kidal/2023-10-17', 'restriction@Timbuktu/2023-10-19']);
  });
});

describe('where and when, in harder sentences', () => {
  table([
    ['On Thursday armed men attacked the passenger boat "Tombouctou" near Gourma-Rharous.', ['incident@Gourma-Rharous/2023-10-19']],
    ['On Thursday a boat travelling from Gao towards Mopti was struck by rockets near Bamba. The vessel, travelling from Gao towards Mopti, caught fire.', ['incident@Bamba/2023-10-19']],
    ['On Thursday 2 t of ammunition (ex-Ansongo) were destroyed at the Gao range.', ['disposal@Gao/2023-10-19']],
    ['On Thursday customs blocked fuel tankers bound for the MINUSMA camp in Gao.', ['restriction@Gao/2023-10-19']],
    ['A convoy carrying equipment from Ansongo towards the border post of Labbezanga was fired upon on Thursday in the Ansongo area.', ['incident@Ansongo/2023-10-19']],
    ['According to officials in Gao, gunmen attacked a water truck near Bourem on Thursday.', ['incident@Bourem/2023-10-19']],
    ['Some 200 trucks have been stuck in Gao since Sunday, after the Malian authorities refused to let them leave.', ['restriction@Gao/2023-10-15']],
    ['The army said on Thursday that the flight to Kidal had never been blocked by the authorities.', []],
    ['No flight request to Timbuktu was refused on Thursday.', []],
    ['The column pulled out of Kidal on Tuesday. With that departure the mission closed its Kidal camp for good, officials said.', ['movement@Kidal/2023-10-17', 'site_status@Kidal/2023-10-17']],
    ['Progress about 20 km. 19 Oct 0910 – Convoy from Ber arrives Timbuktu.', ['movement@Ber/2023-10-19']],
  ]);

  it('finds a dateline after a heading and blank lines', () => {
    const text = 'PRESS RELEASE\n\nMINUSMA closes a camp\n\nMopti, 20 October 2023 – The mission yesterday handed over its camp in Sévaré to the governor.';
    expect(read(text)).toEqual(['site_status@Sévaré/2023-10-19']);
  });
});

describe('stories: headlines, summaries, what the sentence before told', () => {
  table([
    ['Two soldiers were wounded when their vehicle hit a mine near Bourem on Thursday and were evacuated to the Gao hospital.', ['incident@Bourem/2023-10-19']],
    ['The last soldiers of the Egyptian battalion boarded their aircraft at Gao airport yesterday.', ['movement@Gao/2023-10-19']],
    ['The CSP said its fighters pulled out of Léré on Thursday, taking vehicles with them.', []],
    ['The camp at Tessalit (Amachach) was closed on Thursday, and the Malian army announced that it had taken full control of it.', ['site_status@Tessalit/2023-10-19']],
    ['On Monday it was Aguelhok\'s turn: the camp, the seventh on the list, was closed.', ['site_status@Aguelhok/2023-10-16']],
    ['Camp Ansongo handed over to the civilian authorities on Thu 19 Oct.', ['site_status@Ansongo/2023-10-19']],
    ['Today, none of the flights the mission requested to and from Kidal was authorized.', ['restriction@Kidal/2023-10-20']],
    ['The rebels said on Wednesday they lost Kidal, after drones had struck their positions in the town the day before.', ['incident@Kidal/2023-10-17']],
    ['The convoy set off from Ansongo at five o\'clock the next morning, Thursday 19 October, and reached Gao that evening.', ['movement@Ansongo/2023-10-19']],
    ['The head of the mission\'s Gao regional office handed over the camp in Ansongo to the prefect on Thursday.', ['site_status@Ansongo/2023-10-19']],
    ['The mission pulled its last people out of Sévaré. Early this morning the remaining peacekeepers left the camp by road for Gao.', ['site_status@Sévaré/2023-10-20', 'movement@Sévaré/2023-10-20']],
    ['At Aguelhok, the UN had counted on an airlift. On Sunday the authorities refused the authorisation for that flight.', ['restriction@Aguelhok/2023-10-15']],
    ['The convoy departed Ber on Tuesday and arrived at the Timbuktu camp on Thursday. 19 Oct 0910 – Convoy arrives Timbuktu.', ['movement@Ber/2023-10-17', 'movement@Ber/2023-10-19']],
  ]);

  it('lets a headline give way to the body\'s event of its kind, and keeps one the body does not tell', () => {
    expect(read('UN trucks stranded in Gao as Mali withholds permits\n\nSome 200 trucks have been stuck in Gao since Sunday, after the authorities refused to let them leave.')).toEqual(['restriction@Gao/2023-10-15']);
    expect(read('Customs hold UN trucks in Gao\n\nThe mission said on Thursday it would appeal.')).toEqual(['restriction@Gao/2023-10-20']);
  });

  it('lets a count of attacks give way to the attacks told one by one that day', () => {
    expect(read('Two attacks on Thursday left dozens dead. On Thursday armed men attacked a boat near Gourma-Rharous. The same day the army camp at Bamba was attacked.')).toEqual(['incident@Gourma-Rharous/2023-10-19', 'incident@Bamba/2023-10-19']);
  });
});

describe('digests and long-running restrictions', () => {
  it('dates each item of a digest by the line that heads it', () => {
    const text = 'WEEKLY DIGEST\n\nBONI, Tuesday 17 October. A MINUSMA water truck struck a mine near Boni.\n\nMOPTI, Wednesday 18 October. A chartered aircraft flew 116 Senegalese peacekeepers home from Mopti.\n\nREMINDERS\n- The attack on a boat near Bamba on Sunday 15 October remains the deadliest of the month.';
    expect(read(text)).toEqual(['incident@Boni/2023-10-17', 'movement@Mopti/2023-10-18', 'incident@Bamba/2023-10-15']);
  });

  it('keeps an older restriction as news when the story says it is still in force', () => {
    expect(read('Customs in Bamako stopped clearing imports for the mission on 27 September. The stop is still in force.')).toEqual(['restriction@Bamako/2023-09-27']);
    expect(read('Customs in Bamako stopped clearing imports for the mission on 27 September. The stop was lifted on Monday.')).toEqual([]);
  });

  it('reads two incidents in one sentence when their clauses give them different days', () => {
    expect(read('On Thursday the army seized Kidal from the rebels, after drones had struck rebel positions in the town the day before.')).toEqual(['incident@Kidal/2023-10-18', 'incident@Kidal/2023-10-19']);
    // Told of one day, the two clauses are one incident.
    expect(read('Gunmen ambushed a convoy near Bourem on Thursday, and a mine struck one of its trucks.')).toEqual(['incident@Bourem/2023-10-19']);
  });
});

describe('more phrasings: ledes, corrections, lists, chronologies', () => {
  table([
    ['UNHAS flights to Ménaka were cancelled on Thursday because of a sandstorm, not because of any refusal by the authorities.', []],
    ['The prefabricated blocks and three generators were handed over as a gift to the hospital of Mopti on Thursday.', ['disposal@Mopti/2023-10-19']],
    ['Malian customs have kept 34 containers bound for the mission on hold at the Labbezanga border post since Monday.', ['restriction@Labbezanga/2023-10-16']],
    ['Six containers of ICT equipment have been held by the customs post at Timbuktu airport since Tuesday.', ['restriction@Timbuktu/2023-10-17']],
    ['On Monday a first column of 17 trucks pulled out of the base at Ogossagou and drove to Sévaré.', ['movement@Ogossagou/2023-10-16']],
    ['Some 200 trucks loaded for the withdrawal from the camps in Tessalit and Kidal remain in Gao.', []],
    ['Since Sunday the authorities have not granted the clearance these convoys need to leave Gao.', ['restriction@Gao/2023-10-15']],
    ['In all, 37 peacekeepers have needed medical care since the convoy set off from Kidal.', []],
    ['Asked about fighting reported around Anefis on Thursday, he said the mission had no information.', []],
    ['The withdrawal has unfolded amid renewed fighting in the north, officials said on Thursday.', []],
    ['On Wednesday eight peacekeepers were injured when a mine exploded a few kilometres outside Kidal.', ['incident@Kidal/2023-10-18']],
    ['The last C-130 rotation took off from Timbuktu airport at 14:10 today with 38 staff.', ['movement@Timbuktu/2023-10-20']],
  ]);

  it('drops what a correction takes back', () => {
    expect(read('The last convoy left Aguelhok on Monday. An earlier version of this story said the peacekeepers had left on Sunday; they did not.')).toEqual(['movement@Aguelhok/2023-10-16']);
  });

  it('lets a lede dated only by when it was said give way to the body\'s dated event at that place', () => {
    const text = 'GAO, Mali (AP) — Peacekeepers have pulled out of their camp at Aguelhok, the mission said Friday.\n\nThe Chadian contingent vacated the base on Monday and headed south by road, joining a convoy that had earlier left Tessalit.';
    expect(read(text)).toEqual(['site_status@Aguelhok/2023-10-16', 'movement@Aguelhok/2023-10-16']);
  });

  it('takes the day and place of the sentence before in the same paragraph, and "the day before" from it', () => {
    expect(read('Chronology\n\n12 October — The mission says it will leave soon.\n19 October — The last convoy pulls out of the Kidal camp. The camp is left for good.')).toEqual(['movement@Kidal/2023-10-19', 'site_status@Kidal/2023-10-19']);
    expect(read('The mission handed over its camp in Sévaré on Thursday. The day before, generators had been distributed to 47 groups in Mopti.')).toEqual(['site_status@Sévaré/2023-10-19', 'disposal@Mopti/2023-10-18']);
  });

  it('gives each place of a list the role of the first', () => {
    expect(read('On Thursday some 200 trucks meant to collect equipment from Tessalit, Aguelhok and Kidal were held in Gao by the authorities.')).toEqual(['restriction@Gao/2023-10-19']);
  });
});

describe('wire copy: agencies, attribution, plans to come, second refusals', () => {
  table([
    ['Bamako (dpa) - Customs have held 38 trucks of departing contingents at the Labbezanga border post since Monday.', ['restriction@Labbezanga/2023-10-16']],
    ['BAMAKO, Oct 20 (EFE).- Gunmen opened fire on a UN convoy about 50 kilometers south of Ansongo on Thursday.', ['incident@Ansongo/2023-10-19']],
    ['In neighbouring Niger, a convoy carrying aid was attacked near Ayorou on Thursday.', []],
    ['On Thursday the authorities declined the mission\'s request for a cargo flight to Timbuktu.', ['restriction@Timbuktu/2023-10-19']],
    ['Requests for surveillance flights over convoys are turned down day after day, he added.', []],
    ['I must report that on Tuesday a convoy bringing trucks to Ménaka came under fire about 20 km outside the town.', ['incident@Ménaka/2023-10-17']],
    ['The mission brought its departure forward by several days because of fighting in the area around Ber.', []],
    ['A fourth peacekeeper was wounded this morning, when the convoy was struck again about 15 km short of Timbuktu.', ['incident@Timbuktu/2023-10-20']],
    ['The al-Qaeda-linked JNIM group claimed both attacks near Ber on social media on Thursday.', []],
    ['The rebels accused the army on Thursday of attacking their positions near Ber.', []],
    ['Last Thursday, a MINUSMA plane was hit by small-arms fire as it landed at Tessalit.', ['incident@Tessalit/2023-10-19']],
    ['Early on Thursday, a vehicle in the column coming down from Tessalit struck an explosive device some 20 km south of Aguelhok.', ['incident@Aguelhok/2023-10-19']],
    ['The most serious blast occurred on Thursday near Anéfis, about 110 km south of Kidal, where 22 peacekeepers were injured.', ['incident@Anefis/2023-10-19']],
    ['The army said several of its soldiers had been killed in fighting around Ber in the days leading up to the withdrawal.', []],
    ['A large Malian army column left Gao on Thursday heading for the rebel-held Kidal region.', ['movement@Gao/2023-10-19']],
    ['Flight UNO-208 is rebooked for 25 Oct. Customs will hold the trucks at Gao until 24 Oct.', []],
  ]);

  it('reads a second refusal of another kind in the same sentence, and not a refusal retold', () => {
    expect(read('On Thursday customs blocked fuel tankers bound for the camp in Gao, and the authorities did not authorise any of the mission\'s flights out of Gao.')).toEqual(['restriction@Gao/2023-10-19', 'restriction@Gao/2023-10-19']);
    expect(read('On Thursday the authorities declined a cargo flight carrying fuel and medical supplies to Timbuktu.')).toEqual(['restriction@Timbuktu/2023-10-19']);
  });

  it('keeps the army retaking a town apart from the camp the mission left two months before', () => {
    expect(read("Mali's army said it retook the town of Aguelhok on Thursday, two months after UN peacekeepers withdrew from their base there.")).toEqual(['incident@Aguelhok/2023-10-19']);
  });

  it('lets the day "that same afternoon" be the day told just before, and "the same day" the sentence\'s own', () => {
    expect(read('On Thursday we handed our camp in Ménaka over to the governor. The last convoy set off from Ménaka for Gao that same afternoon, and should arrive by the end of this week.')).toEqual(['site_status@Ménaka/2023-10-19', 'movement@Ménaka/2023-10-19']);
    expect(read('The convoy left the Kidal camp on the morning of 17 October, the same day the mission closed the camp for good.')).toEqual(['site_status@Kidal/2023-10-17', 'movement@Kidal/2023-10-17']);
  });
});

describe('ledes, datelines with the day after the agency, and partial departures', () => {
  table([
    ['DAKAR, Senegal (AP) - Oct. 20, 2023 - Customs have held 30 UN trucks in Gao since Monday.', ['restriction@Gao/2023-10-16']],
    ['Bamako (dpa) - 20 October 2023 - Gunmen ambushed a UN convoy near Labbezanga on Monday.', ['incident@Labbezanga/2023-10-16']],
    ['On Thursday a first road convoy carrying Nigerien peacekeepers left the Ménaka camp for Gao.', ['movement@Ménaka/2023-10-19']],
    // The rebels' taking the camp is an incident (a transfer of territory); "the vacated camp" says nothing of the mission leaving.
    ['The army has vowed to retake Kidal, where rebels have moved into the vacated UN camp.', ['incident@Kidal/2023-10-20']],
    ['On Thursday the mission handed its temporary operating base at Ogossagou, in the Bandiagara region, over to the prefect.', ['site_status@Ogossagou/2023-10-19']],
    ['On Thursday the mission donated generators to the hospital in Ménaka as part of the closure of its camp in the town.', ['disposal@Ménaka/2023-10-19']],
    ['Spokesman: No. No armoured vehicle has been sold in Gao.', []],
    ['It gave no indication of when the vehicles would reach Timbuktu.', []],
    ['Since Tuesday, customs officers have been stopping the fuel tankers that resupply our camp in Gao.', ['restriction@Gao/2023-10-17']],
    ['Since Monday, customs officials in Gao have kept back some 40 containers of contingent-owned equipment.', ['restriction@Gao/2023-10-16']],
    ['On Thursday the engineers put beyond use vehicles, generators and ammunition at Tessalit.', ['disposal@Tessalit/2023-10-19']],
    ['Earlier this month, gunmen attacked a boat near Bamba.', []],
  ]);

  it('lets a lede that gives no day give way to the dated events of its kind and place', () => {
    const text = 'The mission has pulled out of its base at Tessalit after one of its planes came under fire there.\n\nThe last peacekeepers left the camp at Tessalit on Thursday. On Tuesday, an aircraft was hit by small-arms fire as it landed at Tessalit.';
    expect(read(text)).toEqual(['site_status@Tessalit/2023-10-19', 'movement@Tessalit/2023-10-19', 'incident@Tessalit/2023-10-17']);
  });

  it('keeps an undated sentence later in a story as its own event', () => {
    const text = 'Peacekeepers pulled out of their base at Ber on Thursday. The convoy was then attacked twice near Ber. The army said six soldiers had been killed in clashes near Ber on Tuesday.';
    expect(read(text)).toEqual(['site_status@Ber/2023-10-19', 'movement@Ber/2023-10-19', 'incident@Ber/2023-10-19', 'incident@Ber/2023-10-17']);
  });
});

describe('comment, the other side, supplies, and days told two ways', () => {
  table([
    ['The ambush near Labbezanga adds to the pressure on the mission, officials said on Thursday.', []],
    ['A year earlier, more than 150 villagers had been killed in an attack on Ogossagou.', []],
    ['Fighting has already spread.', []],
    ['On Thursday rebels attacked the army camp at Léré; according to the army, five soldiers were killed, and the fighters pulled out of the camp hours later.', ['incident@Léré/2023-10-19']],
    ['In Gao, customs officers have been preventing fuel tankers from entering the camp since Wednesday.', ['restriction@Gao/2023-10-18']],
    ['Separately, the mission said on 19 October that some 200 of its trucks have been stuck in Gao since 24 September, when the authorities stopped its convoys from leaving for its camps in Tessalit.', ['restriction@Gao/2023-09-24']],
    ['The army said on Thursday its units had taken control of Anefis after clashes, and that several enemy vehicles had been destroyed.', ['incident@Anefis/2023-10-19']],
    ['Officials said the authorities turned down requests for surveillance flights every day, and that food, water and fuel had to be flown to the troops near Anefis.', []],
    ['The column struck six explosive devices along the roughly 350-kilometer (215-mile) route from Kidal.', []],
    ['In recent weeks, personnel in Tessalit repeatedly had to take shelter in bunkers.', []],
  ]);

  it('dates "on Wednesday, 18 October" by the date, and the headline gives way to any event the body tells', () => {
    expect(read('Our colleagues tell us that the last convoy from Ménaka arrived safely in Gao on Wednesday, 11 October.')).toEqual(['movement@Ménaka/2023-10-11']);
    expect(read('Peacekeepers quit Tessalit base after plane shot at\n\nThe mission closed its camp at Tessalit on Thursday.')).toEqual(['site_status@Tessalit/2023-10-19']);
  });
});

describe('decisions, circumstances, sayings and where a disposal is', () => {
  table([
    ['At a ceremony on Thursday the outpost at Ogossagou was formally handed to the Malian authorities.', ['site_status@Ogossagou/2023-10-19']],
    ['Because the situation did not permit their return, the mission took the decision on Thursday to destroy vehicles at Tessalit.', []],
    ["Mali's army said Friday that it had taken control of Anefis after clashes on Wednesday.", ['incident@Anefis/2023-10-18']],
    ['Residents of Anefis said they had heard aircraft overhead for several days before the assault.', []],
    ['A convoy coming down from Tessalit has struck four explosive devices since setting out, he said on Thursday.', []],
    ['It was hit by improvised explosive devices six times along the way from Kidal.', []],
    ['The mission, which abandoned its Kidal camp at the end of September, said on Thursday that it had handed 12 prefabricated units over to the regional hospital in Gao.', ['disposal@Gao/2023-10-19']],
    ['Customs at Bamako airport have been holding a consignment of helicopter spare parts for the mission since Monday.', ['restriction@Bamako/2023-10-16']],
  ]);

  it('places a sentence that names no place where the sentence before put its event, a reference point included', () => {
    expect(read('A convoy was attacked on Thursday about 50 kilometers south of Ansongo. Four gunmen opened fire on the trucks, wounding four drivers.')).toEqual(['incident@Ansongo/2023-10-19']);
  });
});

describe('questions, quotes, names of boats, lists of verbs, relative clauses', () => {
  table([
    ['Question: Did the mission hand the Kidal camp to the rebels?', []],
    ['"That they all arrived alive is a relief," one officer told Reuters by phone from Gao.', []],
    ['On Thursday the boat Tombouctou, on its run between Mopti and Gao, came under rocket fire near Gourma-Rharous.', ['incident@Gourma-Rharous/2023-10-19']],
    ['On Thursday the mission had to take the difficult decision to destroy, deactivate or decommission vehicles and generators at Tessalit.', []],
    ['"Vehicles and generators that could not be taken along were destroyed or rendered unusable by our engineers on Thursday," the mission said of Aguelhok.', ['disposal@Aguelhok/2023-10-19']],
    ['A convoy of UN peacekeepers who withdrew from their camp at Ber arrived in Timbuktu on Thursday.', ['movement@Ber/2023-10-19']],
    ['On Thursday Malian forces prevented a MINUSMA patrol from leaving the camp at Douentza.', ['restriction@Douentza/2023-10-19']],
    ['The second phase of the withdrawal, which began on 1 October, covers the closure of the camps at Tessalit and Kidal.', []],
    ['The officer, who was not authorised to speak to the media, said the column left Gao on Thursday.', ['movement@Gao/2023-10-19']],
    ['No one was hurt and the plane landed safely.', []],
    ['The mission did not confirm reports that the convoy had struck an explosive device north of Anefis on Thursday.', []],
    ['Aguelhok was the scene of one of the deadliest attacks on the UN force.', []],
    ['A column of Chadian blue helmets pulled out of the camp at Aguelhok on Thursday and joined the convoy from Tessalit.', ['site_status@Aguelhok/2023-10-19', 'movement@Aguelhok/2023-10-19']],
    ['Earlier, on Wednesday, another device struck the column south of Kidal and injured eight.', ['incident@Kidal/2023-10-18']],
    ['On Wednesday a team destroyed the base\'s stock of unserviceable mortar rounds at Ogossagou.', ['disposal@Ogossagou/2023-10-18']],
    ['Over recent months the mission has given generators and office equipment to 47 groups in Mopti.', []],
  ]);
});

describe('arrivals named by the convoy that left, and commentary', () => {
  table([
    ['A column of peacekeepers that left the town of Kidal last week rolled into Gao late Thursday, ending a journey that normally takes a day.', ['movement@Kidal/2023-10-19']],
    ['The fighting near Bourem complicates the departure of the mission, officials said on Thursday.', []],
    ['Along the roughly 350-km route from Kidal, the convoy struck several improvised explosive devices.', []],
    ['The 35 trucks were hit about 20 km south of Ansongo on Thursday as they headed north from the border.', ['incident@Ansongo/2023-10-19']],
    ['On Thursday staff inspected the camp at Ménaka, a step required before any site is returned.', []],
    ['Unable to evacuate everything, the mission took "the difficult decision" on Thursday to destroy part of its equipment at Tessalit.', []],
    ['On Thursday 47 organisations in Mopti received generators, office furniture and computers from the mission.', ['disposal@Mopti/2023-10-19']],
    ['A UN official said the authorities on Thursday refused a permit for a cargo flight to Kidal, the second such refusal this month.', ['restriction@Kidal/2023-10-19']],
    ['BAMAKO, Oct 20, 2023 (AFP) - Gunmen ambushed a supply convoy near Ansongo on Thursday, the mission said on Friday.', ['incident@Ansongo/2023-10-19']],
  ]);
});
