import { checkParams, readResponse } from '@/lib/api/v1/http';
import { problemResponse } from '@/lib/api/v1/problems';
import { serviceResource } from '@/lib/api/v1/resources';
import { serviceParams } from '@/lib/api/v1/schemas';
import { departmentsByCode, findPublishedService } from '@/lib/services/queries';
import { otherMethods } from '@/lib/api/v1/methods';

type Params = { params: Promise<{ code: string }> };

/** Public: one service of the catalogue, as its page describes it. */
export async function GET(request: Request, { params }: Params) {
  const checked = checkParams(request, serviceParams, await params);
  if (!checked.ok) return checked.response;
  const { code } = checked.data;
  const [service, departments] = await Promise.all([findPublishedService(code), departmentsByCode()]);
  if (!service) return problemResponse(request, 'not-found', 'service', { values: { code } });
  return readResponse(request, serviceResource(service, departments), { cache: 'public' });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
