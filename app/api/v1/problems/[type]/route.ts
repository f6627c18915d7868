import { checkParams, readResponse } from '@/lib/api/v1/http';
import { describeProblemType, problemResponse } from '@/lib/api/v1/problems';
import { problemTypeParams } from '@/lib/api/v1/schemas';
import { otherMethods } from '@/lib/api/v1/methods';

type Params = { params: Promise<{ type: string }> };

/** A problem's type URI, opened: what that kind of error means (RFC 9457 asks that it say). */
export async function GET(request: Request, { params }: Params) {
  const checked = checkParams(request, problemTypeParams, await params);
  if (!checked.ok) return problemResponse(request, 'not-found', 'problemType');
  return readResponse(request, describeProblemType(checked.data.type), { cache: 'public' });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
