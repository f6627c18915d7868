import { problemResponse } from '@/lib/api/v1/problems';

// Any other address under /api/v1 answers as the API does (problem+json), not with the portal's
// HTML "Page not found". The one route here that is not a documented resource (see
// tests/unit/api/openapi.test.ts).
const notFound = (request: Request) => problemResponse(request, 'not-found', 'path');

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
