/**
 * Converts the GSI shelter data (data/sources/*.csv, 国土地理院 指定緊急避難場所・指定避難所データ)
 * into data/nishitokyo/shelters.json. Rerun it when the city's GSI data is updated:
 *   npx tsx scripts/import-shelters.ts
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {csvRecords} from '../src/cli/csv.js';
import type {Hazard, Shelter, Text, Town} from '../src/core/data/types.js';

const towns: Town[] = JSON.parse(readFileSync('data/nishitokyo/towns.json', 'utf8')).towns;
// Names without notation, longest first so ひばりが丘北 wins over ひばりが丘.
const plainTownName = (t: Town) => t.name.ja.replace(/《[^》]*》/g, '').replace(/｜/g, '');
const byLength = towns.map((t) => ({id: t.id, name: plainTownName(t)})).sort((a, b) => b.name.length - a.name.length);

const PREFIX = '東京都西東京市';

function locate(address: string, line: number) {
  if (!address.startsWith(PREFIX)) throw new Error(`line ${line}: address does not start with ${PREFIX}: ${address}`);
  const rest = address.slice(PREFIX.length);
  const town = byLength.find((t) => rest.startsWith(t.name));
  if (!town) throw new Error(`line ${line}: no town matches ${address}`);
  return {town_id: town.id, address_1: rest.slice(town.name.length)};
}

// 受入対象者 as GSI records them, in the three reading modes. An unknown value stops the import,
// so that a new category gets an easy and an English wording before it reaches residents.
const BABIES = 'おなかに 赤ちゃんが いる 人と、小さい 子ども';
const WELFARE_FOR: Record<string, Omit<Text, 'ja'>> = {
  高齢者: {'ja-x-easy': 'お年寄り', en: 'Older people'},
  障害者: {'ja-x-easy': '障害の ある 人', en: 'People with disabilities'},
  '障害者、高齢者等': {'ja-x-easy': '障害の ある 人、お年寄り など', en: 'People with disabilities, older people and others'},
  '妊婦、車いす来園者': {'ja-x-easy': 'おなかに 赤ちゃんが いる 人、車いすの 人', en: 'Pregnant women and wheelchair users'},
  '妊婦、乳幼児・保護者': {'ja-x-easy': `${BABIES}、その 家族`, en: 'Pregnant women, infants and their parents'},
  '妊婦、乳幼児': {'ja-x-easy': BABIES, en: 'Pregnant women and infants'},
  '妊婦・乳幼児': {'ja-x-easy': BABIES, en: 'Pregnant women and infants'},
  '妊婦、乳幼児と母': {'ja-x-easy': `${BABIES}と 母親`, en: 'Pregnant women, infants and their mothers'},
  '妊婦優先・乳幼児': {'ja-x-easy': `おなかに 赤ちゃんが いる 人が 先です。小さい 子どもも 入れます。`, en: 'Pregnant women first, and infants'},
  '妊婦・乳幼児母子': {'ja-x-easy': `${BABIES}と 母親`, en: 'Pregnant women, and infants with their mothers'},
  '妊婦、乳幼児と付き添い者、重度要配慮者': {'ja-x-easy': `${BABIES}、つきそいの 人、とくに 助けが 必要な 人`, en: 'Pregnant women, infants and carers, and people who need a lot of support'},
  '妊産婦及び乳幼児等の要配慮者': {'ja-x-easy': `${BABIES}など、助けが 必要な 人`, en: 'Pregnant women, new mothers, infants and others who need support'},
};
function welfareText(value: string, line: number): Text {
  const variants = WELFARE_FOR[value];
  if (!variants) throw new Error(`line ${line}: new 受入対象者 "${value}": add its easy and English wording to WELFARE_FOR`);
  return {ja: value, ...variants};
}

const source = {status: 'verified' as const, sources: ['gsi-shelters-2025']};
const name = (ja: string): Text => ({ja, untranslated: ['ja-x-easy', 'en']});

const shelters: Shelter[] = [];
for (const {line, record: r} of csvRecords(readFileSync('data/sources/shelters-132292.csv', 'utf8'))) {
  const shelter: Shelter = {
    id: r.common_id!,
    kind: 'shelter',
    name: name(r.name!),
    ...locate(r.address!, line),
    latitude: Number(r.lat),
    longitude: Number(r.lon),
    x_jp: source,
  };
  if (r.welfare_shelter_for) shelter.welfare_for = welfareText(r.welfare_shelter_for, line);
  if (r.same_as_emergency_site === '1') shelter.also_other_kind = true;
  shelters.push(shelter);
}

const HAZARDS: Hazard[] = ['flood', 'landslide', 'storm_surge', 'earthquake', 'tsunami', 'large_fire', 'inland_flood', 'volcano'];
for (const {line, record: r} of csvRecords(readFileSync('data/sources/emergency-sites-132292.csv', 'utf8'))) {
  const site: Shelter = {
    id: r.common_id!,
    kind: 'emergency_site',
    name: name(r.name!),
    ...locate(r.address!, line),
    latitude: Number(r.lat),
    longitude: Number(r.lon),
    hazards: HAZARDS.filter((h) => r[h] === '1'),
    x_jp: source,
  };
  if (r.same_as_shelter === '1') site.also_other_kind = true;
  shelters.push(site);
}

writeFileSync('data/nishitokyo/shelters.json', JSON.stringify({shelters}, null, 2) + '\n');
console.log(`${shelters.filter((s) => s.kind === 'shelter').length} shelters, ${shelters.filter((s) => s.kind === 'emergency_site').length} emergency sites`);
