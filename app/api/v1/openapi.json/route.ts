import { readResponse } from '@/lib/api/v1/http';
import { openApiDocument } from '@/lib/api/v1/openapi';
import { otherMethods } from '@/lib/api/v1/methods';

/** Public: the OpenAPI 3.1 document of /api/v1, generated from the schemas the routes check with. */
export function GET(request: Request) {
  return readResponse(request, openApiDocument(), { cache: 'public' });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
