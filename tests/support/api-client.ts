// A small client of the portal's /api/v1, written as another government system would write one:
// from the published reference (/api/reference, /api/v1/openapi.json) alone. It speaks HTTP and
// nothing else: no import from the portal's code (lib/), so it breaks when the API does.

export type Language = 'km' | 'en';
export interface LocalizedText {
  km: string;
  en: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  invalidParams?: { name: string }[];
  retryAfterSeconds?: number;
}

export interface Department {
  code: string;
  name: LocalizedText;
}

export type FeeLine =
  | { kind: 'by-answer'; label: LocalizedText; question: LocalizedText; amounts: { option: string; label: LocalizedText; riel: number }[] }
  | { kind: 'per-unit'; label: LocalizedText; unit: LocalizedText; rielPerUnit: number };

export interface Service {
  code: string;
  version: number;
  name: LocalizedText;
  summary: LocalizedText;
  whoCanApply: LocalizedText;
  department: Department;
  fee: { baseRiel: number; minimumRiel: number; lines: FeeLine[]; ifRefused: 'full' | 'all-but-base' | 'none' | null };
  deadlineWorkingDays: number;
  stages: { key: string; name: LocalizedText; department: Department; workingDays: number }[];
  documents: { key: string; label: LocalizedText; hint: LocalizedText | null; required: boolean; maxFiles: number; conditional: boolean }[];
  issues: LocalizedText | null;
  validityMonths: number | null;
  legalBasis: LocalizedText;
}

export interface ServicePage {
  items: Service[];
  nextCursor: string | null;
}

export interface LicenceStatus {
  number: string;
  status: 'valid' | 'expired' | 'revoked';
  document: LocalizedText;
  validFrom: string;
  validUntil: string | null;
  facts: { label: LocalizedText; value: LocalizedText }[];
  revokedReason: string | null;
}

export interface TrackedApplication {
  reference: string;
  service: LocalizedText;
  status: 'draft' | 'submitted' | 'in_review' | 'info_requested' | 'approved' | 'rejected' | 'issued' | 'withdrawn';
  outcome: { decision: 'approved' | 'issued' | 'revoked' | 'rejected' | 'withdrawn'; on: string | null } | null;
  stage: LocalizedText | null;
  department: LocalizedText | null;
  dueAt: string | null;
}

/** What a read answers: the resource, "not modified" for the ETag sent, or a problem. */
export type Answer<T> =
  | { status: 200; body: T; etag: string; headers: Headers }
  | { status: 304; etag: string; headers: Headers }
  | { status: 400 | 401 | 403 | 404 | 429; problem: Problem; headers: Headers };

export interface ReadOptions {
  /** An ETag from an earlier answer: 304 while it is current. */
  ifNoneMatch?: string;
}

export class PortalApi {
  constructor(
    private readonly baseUrl: string,
    private readonly language: Language = 'en',
  ) {}

  listServices(page: { limit?: number; cursor?: string } = {}, options?: ReadOptions) {
    return this.read<ServicePage>('/api/v1/services', { limit: page.limit?.toString(), cursor: page.cursor }, options);
  }

  /** Every service, following the pages' cursors. */
  async allServices(limit = 20): Promise<Service[]> {
    const services: Service[] = [];
    let cursor: string | undefined;
    do {
      const answer = await this.listServices({ limit, cursor });
      if (answer.status !== 200) throw new Error(`listServices answered ${answer.status}`);
      services.push(...answer.body.items);
      cursor = answer.body.nextCursor ?? undefined;
    } while (cursor);
    return services;
  }

  service(code: string, options?: ReadOptions) {
    return this.read<Service>(`/api/v1/services/${encodeURIComponent(code)}`, {}, options);
  }

  licenceStatus(number: string, options?: ReadOptions) {
    return this.read<LicenceStatus>(`/api/v1/licences/${encodeURIComponent(number)}/status`, {}, options);
  }

  track(reference: string, code: string, options?: ReadOptions) {
    return this.read<TrackedApplication>('/api/v1/tracking', { reference, code }, options);
  }

  openApiDocument(options?: ReadOptions) {
    return this.read<Record<string, unknown>>('/api/v1/openapi.json', {}, options);
  }

  /** Any address under the API: for a path this client has no method for. */
  async read<T>(path: string, query: Record<string, string | undefined> = {}, options: ReadOptions = {}): Promise<Answer<T>> {
    const url = new URL(path, this.baseUrl);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': this.language };
    if (options.ifNoneMatch) headers['If-None-Match'] = options.ifNoneMatch;
    const response = await fetch(url, { headers });
    const type = response.headers.get('content-type') ?? '';
    if (response.status === 304) return { status: 304, etag: response.headers.get('etag') ?? '', headers: response.headers };
    if (response.status === 200 && type.startsWith('application/json')) {
      return { status: 200, body: (await response.json()) as T, etag: response.headers.get('etag') ?? '', headers: response.headers };
    }
    if ([400, 401, 403, 404, 429].includes(response.status) && type.startsWith('application/problem+json')) {
      return { status: response.status as 400, problem: (await response.json()) as Problem, headers: response.headers };
    }
    throw new Error(`${url.pathname} answered ${response.status} ${type}: ${(await response.text()).slice(0, 200)}`);
  }
}
