import { asClient, checkParams, readResponse } from '@/lib/api/v1/http';
import { problemResponse } from '@/lib/api/v1/problems';
import { readApplication } from '@/lib/api/v1/records';
import { applicationParams } from '@/lib/api/v1/schemas';
import { otherMethods } from '@/lib/api/v1/methods';

type Params = { params: Promise<{ reference: string }> };

/** applications:read: a company's application, status and timeline, for that company's own system. */
export async function GET(request: Request, { params }: Params) {
  return asClient(request, async (client) => {
    const checked = checkParams(request, applicationParams, await params);
    if (!checked.ok) return checked.response;
    const application = await readApplication(client, checked.data.reference);
    if (!application) return problemResponse(request, 'not-found', 'application');
    return readResponse(request, application, { cache: 'private' });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
