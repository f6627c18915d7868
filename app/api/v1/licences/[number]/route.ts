import { asClient, checkParams, readResponse } from '@/lib/api/v1/http';
import { problemResponse } from '@/lib/api/v1/problems';
import { readLicence } from '@/lib/api/v1/records';
import { licenceParams } from '@/lib/api/v1/schemas';
import { readLicenceNumber } from '@/lib/licences/licence-number';
import { otherMethods } from '@/lib/api/v1/methods';

type Params = { params: Promise<{ number: string }> };

/** licences:read: a licence with its holder (the traffic police checking a driver's). Recorded on the holder's file. */
export async function GET(request: Request, { params }: Params) {
  return asClient(request, async (client) => {
    const checked = checkParams(request, licenceParams, await params);
    if (!checked.ok) return checked.response;
    const read = readLicenceNumber(checked.data.number);
    if (!read.ok) return problemResponse(request, 'invalid-parameter', 'parameters', { values: { names: 'number' }, invalidParams: [{ name: 'number' }] });
    const licence = await readLicence(client, read.number);
    if (!licence) return problemResponse(request, 'not-found', 'licence', { values: { number: read.number } });
    return readResponse(request, licence, { cache: 'private' });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
