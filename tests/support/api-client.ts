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

export interface Licence {
  number: string;
  status: 'valid' | 'expired' | 'revoked';
  service: string;
  document: LocalizedText;
  holder: { name: string; nationalIdNumber: string | null };
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  facts: { label: LocalizedText; value: LocalizedText }[];
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface ApplicationRecord extends Omit<TrackedApplication, 'service'> {
  service: { code: string; name: LocalizedText };
  organisation: { name: LocalizedText } | null;
  submittedAt: string | null;
  timeline: { event: string; at: string; message: string | null }[];
}

export interface Receipt {
  receiptNumber: string;
  billNumber: string;
  paidAt: string;
  amountRiel: number;
  reference: string;
  service: { code: string; name: LocalizedText };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Scope = 'licences:read' | 'applications:read' | 'payments:read';

/** The token endpoint's answer: a token, or OAuth's own error. */
export type TokenAnswer =
  | { status: 200; token: { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string }; headers: Headers }
  | { status: 400 | 401 | 429; error: { error: string; error_description: string }; headers: Headers };

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
    /** A registered client's access token, sent as Authorization: Bearer. */
    private readonly accessToken?: string,
  ) {}

  /** The client-credentials grant, authenticating with HTTP Basic (or in the form, `inForm`). */
  static async requestToken(baseUrl: string, client: { id: string; secret: string }, options: { scope?: string; inForm?: boolean; grantType?: string } = {}): Promise<TokenAnswer> {
    const form = new URLSearchParams({ grant_type: options.grantType ?? 'client_credentials' });
    if (options.scope !== undefined) form.set('scope', options.scope);
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
    if (options.inForm) {
      form.set('client_id', client.id);
      form.set('client_secret', client.secret);
    } else {
      headers.Authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString('base64')}`;
    }
    const response = await fetch(new URL('/api/v1/oauth/token', baseUrl), { method: 'POST', headers, body: form });
    const body = await response.json();
    if (response.status === 200) return { status: 200, token: body, headers: response.headers };
    if (response.status === 400 || response.status === 401 || response.status === 429) return { status: response.status, error: body, headers: response.headers };
    throw new Error(`the token endpoint answered ${response.status}`);
  }

  /** A client of the API as a registered system: it gets its token first. */
  static async signedIn(baseUrl: string, client: { id: string; secret: string }, scope?: Scope): Promise<PortalApi> {
    const answer = await PortalApi.requestToken(baseUrl, client, { scope });
    if (answer.status !== 200) throw new Error(`no token: ${answer.error.error}`);
    return new PortalApi(baseUrl, 'en', answer.token.access_token);
  }

  licence(number: string, options?: ReadOptions) {
    return this.read<Licence>(`/api/v1/licences/${encodeURIComponent(number)}`, {}, options);
  }

  licencesOfHolder(nationalIdNumber: string, page: { limit?: number; cursor?: string } = {}) {
    return this.read<Page<Licence>>('/api/v1/licences', { nationalIdNumber, limit: page.limit?.toString(), cursor: page.cursor });
  }

  application(reference: string, options?: ReadOptions) {
    return this.read<ApplicationRecord>(`/api/v1/applications/${encodeURIComponent(reference)}`, {}, options);
  }

  receipts(query: { from: string; to: string; limit?: number; cursor?: string }) {
    return this.read<Page<Receipt>>('/api/v1/receipts', { from: query.from, to: query.to, limit: query.limit?.toString(), cursor: query.cursor });
  }

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
    if (this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`;
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
