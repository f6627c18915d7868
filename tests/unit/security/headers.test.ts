import { describe, expect, it } from 'vitest';
import { documentContentSecurityPolicy, isFileRoute, newNonce, pageContentSecurityPolicy, permissionsPolicy } from '@/lib/security/headers';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('the page policy', () => {
  it('lets scripts run only with the response nonce, and never eval or inline code', () => {
    const policy = pageContentSecurityPolicy({ nonce: 'abc123' });
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });

  it('relaxes eval and inline styles for `next dev` alone', () => {
    const policy = pageContentSecurityPolicy({ nonce: 'n', development: true });
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(directive(policy, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(pageContentSecurityPolicy({ nonce: 'n' }), 'style-src')).toBe("style-src 'self'");
  });

  it('cannot be framed, rebased or given plugins', () => {
    const policy = pageContentSecurityPolicy({ nonce: 'n' });
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(policy, 'base-uri')).toBe("base-uri 'none'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
  });

  it('lets forms reach the portal and, when one is configured, the national ID provider', () => {
    expect(directive(pageContentSecurityPolicy({ nonce: 'n' }), 'form-action')).toBe("form-action 'self'");
    const policy = pageContentSecurityPolicy({ nonce: 'n', nationalIdIssuer: 'https://id.example.gov.kh/oidc/' });
    expect(directive(policy, 'form-action')).toBe("form-action 'self' https://id.example.gov.kh");
    expect(directive(pageContentSecurityPolicy({ nonce: 'n', nationalIdIssuer: 'not a url' }), 'form-action')).toBe("form-action 'self'");
  });

  it('upgrades requests only when the portal is served over https', () => {
    expect(pageContentSecurityPolicy({ nonce: 'n', publicUrl: 'https://e-services.mpwt.gov.kh' })).toContain('upgrade-insecure-requests');
    expect(pageContentSecurityPolicy({ nonce: 'n', publicUrl: 'http://localhost:3000' })).not.toContain('upgrade-insecure-requests');
  });
});

describe('nonces', () => {
  it('are 128 random bits, new each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('files and device features', () => {
  it('gives the routes that answer files the policy that runs nothing', () => {
    expect(documentContentSecurityPolicy).toContain("default-src 'none'");
    expect(isFileRoute('/en/applications/abc/licence')).toBe(true);
    expect(isFileRoute('/km/applications/abc/receipt')).toBe(true);
    expect(isFileRoute('/en/applications/abc/documents/d1')).toBe(true);
    expect(isFileRoute('/en/organisations/o1/applications/export')).toBe(true);
    // Pages, and the upload that answers with a redirect to a page.
    expect(isFileRoute('/en/applications/abc/documents')).toBe(false);
    expect(isFileRoute('/en/applications/abc/documents/upload')).toBe(false);
    expect(isFileRoute('/en/organisations/o1/applications')).toBe(false);
  });

  it('denies the camera, microphone, location and payment features', () => {
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissionsPolicy).toContain(`${feature}=()`);
  });
});
