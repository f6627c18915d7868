import { asClient, checkParams, page, queryOf, readResponse } from '@/lib/api/v1/http';
import { problemResponse } from '@/lib/api/v1/problems';
import { licencesOfHolder, readLicences } from '@/lib/api/v1/records';
import { licencesQuery, type LicencePage } from '@/lib/api/v1/schemas';
import { clientReach } from '@/lib/policy/policy';
import { otherMethods } from '@/lib/api/v1/methods';

/** licences:read: the licences a person holds, by their national ID card number. Each is recorded on its file. */
export async function GET(request: Request) {
  return asClient(request, async (client) => {
    if (clientReach(client, 'licence.read') === 'none') return problemResponse(request, 'not-found', 'path');
    const query = checkParams(request, licencesQuery, queryOf(request));
    if (!query.ok) return query.response;
    const paged = page(request, await licencesOfHolder(client, query.data.nationalIdNumber), (row) => row.number, query.data);
    if (!paged.ok) return paged.response;
    const body: LicencePage = { items: await readLicences(client, paged.items), nextCursor: paged.nextCursor };
    return readResponse(request, body, { cache: 'private', headers: paged.headers });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
