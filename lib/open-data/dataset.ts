// Open data: public datasets at stable addresses, /api/open-data/<name>.csv and <name>.json,
// each with its field dictionary and licence (issue 15). A dataset is one descriptor in
// ./datasets.ts; the route (app/api/open-data/[file]) and the index page read them from there.
import { csvLine } from '@/lib/organisations/csv';

export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'boolean';
export type Cell = string | number | boolean | null;

export interface OpenDataset {
  /** The file name without extension: lowercase words joined by hyphens, stable once published. */
  name: string;
  title: { km: string; en: string };
  description: { km: string; en: string };
  /** The field dictionary: each column in order, its type and meaning in both languages. */
  fields: readonly { name: string; type: FieldType; km: string; en: string }[];
  /** The rows, each with one value per field name. */
  rows(): Promise<Record<string, Cell>[]>;
}

/** The licence every dataset is published under, as the JSON and the index page state it. */
export const openDataLicence = {
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Ministry of Public Works and Transport, Kingdom of Cambodia',
} as const;

export function toCsv(dataset: OpenDataset, rows: readonly Record<string, Cell>[]): string {
  const header = csvLine(dataset.fields.map((f) => f.name));
  return header + rows.map((row) => csvLine(dataset.fields.map((f) => (row[f.name] === null || row[f.name] === undefined ? '' : String(row[f.name]))))).join('');
}

export function toJson(dataset: OpenDataset, rows: readonly Record<string, Cell>[], generatedAt: Date): string {
  return JSON.stringify({
    dataset: dataset.name,
    title: dataset.title,
    description: dataset.description,
    licence: openDataLicence,
    generatedAt: generatedAt.toISOString(),
    fields: dataset.fields,
    rows,
  });
}
