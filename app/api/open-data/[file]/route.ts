import { notFound } from 'next/navigation';
import { toCsv, toJson } from '@/lib/open-data/dataset';
import { findDataset } from '@/lib/open-data/datasets';

/**
 * Public: /api/open-data/<dataset>.csv or .json (lib/open-data/dataset.ts). Cached for five
 * minutes by whoever sits in front: the figures are precomputed and change no faster.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^([a-z0-9-]+)\.(csv|json)$/.exec((await params).file);
  const dataset = match && findDataset(match[1] ?? '');
  if (!match || !dataset) notFound();
  const rows = await dataset.rows();
  const headers = { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' };
  return match[2] === 'csv'
    ? new Response(toCsv(dataset, rows), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `inline; filename="${dataset.name}.csv"` } })
    : new Response(toJson(dataset, rows, new Date()), { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
}
