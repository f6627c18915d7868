// The delivery log's cursor: the last item of the page before (time and id), opaque to clients.
const version = 1;

export function encodeCursorValue(last: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ v: version, t: last.createdAt.toISOString(), id: last.id })).toString('base64url');
}

export function decodeCursorValue(cursor: string): { createdAt: Date; id: string } | null {
  try {
    const { v, t, id } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; t?: unknown; id?: unknown };
    if (v !== version || typeof t !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    const createdAt = new Date(t);
    return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
  } catch {
    return null;
  }
}
