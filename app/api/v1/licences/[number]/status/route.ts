import { checkParams, readResponse } from '@/lib/api/v1/http';
import { problemResponse } from '@/lib/api/v1/problems';
import { licenceStatusResource } from '@/lib/api/v1/resources';
import { licenceParams } from '@/lib/api/v1/schemas';
import { verifyLicence } from '@/lib/licences/documents';
import { readLicenceNumber } from '@/lib/licences/licence-number';
import { otherMethods } from '@/lib/api/v1/methods';

type Params = { params: Promise<{ number: string }> };

/**
 * Public: what the verification page shows to anyone with a licence's number (valid, expired or
 * revoked; never the holder), for a bank or an employer's system checking a document.
 */
export async function GET(request: Request, { params }: Params) {
  const checked = checkParams(request, licenceParams, await params);
  if (!checked.ok) return checked.response;
  // As the page reads a number typed from paper: case, spaces and other dashes are forgiven.
  const read = readLicenceNumber(checked.data.number);
  if (!read.ok) return problemResponse(request, 'invalid-parameter', 'parameters', { values: { names: 'number' }, invalidParams: [{ name: 'number' }] });
  const found = await verifyLicence(read.number);
  if (!found.found) return problemResponse(request, 'not-found', 'licence', { values: { number: read.number } });
  return readResponse(request, licenceStatusResource(found), { cache: 'public' });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
