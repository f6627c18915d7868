import { checkParams, page, queryOf, readResponse } from '@/lib/api/v1/http';
import { serviceResource } from '@/lib/api/v1/resources';
import { pageQuery, type ServicePage } from '@/lib/api/v1/schemas';
import { departmentsByCode, listPublishedServices } from '@/lib/services/queries';
import { otherMethods } from '@/lib/api/v1/methods';

/** Public: the service catalogue, a page at a time, in the order of the services' codes. */
export async function GET(request: Request) {
  const query = checkParams(request, pageQuery, queryOf(request));
  if (!query.ok) return query.response;
  // The catalogue is a few dozen services at most: read whole, paged here.
  const [services, departments] = await Promise.all([listPublishedServices(), departmentsByCode()]);
  const paged = page(request, services, (s) => s.code, query.data);
  if (!paged.ok) return paged.response;
  const body: ServicePage = { items: paged.items.map((s) => serviceResource(s, departments)), nextCursor: paged.nextCursor };
  return readResponse(request, body, { cache: 'public', headers: paged.headers });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
