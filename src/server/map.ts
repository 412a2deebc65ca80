// Country borders for the map, from Natural Earth through the world-atlas package (no tile
// server): Mali and its neighbours, as GeoJSON, read once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
/** ISO 3166 numeric codes: Mali and the countries around it. */
const COUNTRIES: Record<string, string> = { '466': 'Mali', '012': 'Algeria', '562': 'Niger', '854': 'Burkina Faso', '478': 'Mauritania', '686': 'Senegal', '324': 'Guinea', '384': "Côte d'Ivoire" };

let cached: unknown;

export function borders(): unknown {
  if (cached) return cached;
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const all = feature(topo, topo.objects.countries) as unknown as { features: { id?: string; properties: Record<string, unknown> }[] };
  cached = { type: 'FeatureCollection', features: all.features.filter((f) => f.id !== undefined && COUNTRIES[String(f.id)]).map((f) => ({ ...f, properties: { name: COUNTRIES[String(f.id)], focus: String(f.id) === '466' } })) };
  return cached;
}
