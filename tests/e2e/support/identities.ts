import type { DemoIdentity } from '../../../lib/auth/demo-identity-provider';

/**
 * People the loopback identity providers of the end-to-end run know, beside the demo's: one per
 * test, so that each test's first sign-in really is the first.
 */
export const testIdentities = {
  firstSignIn: { sub: 'e2e-first-sign-in', name: 'ពេជ្រ សុវណ្ណ', birthdate: '1992-03-08', nationalIdNumber: '110220330' },
  link: { sub: 'e2e-link', name: 'លឹម ស្រីមុំ', birthdate: '1988-12-24', nationalIdNumber: '220330440' },
  refusals: { sub: 'e2e-refusals', name: 'ទេព ចន្ថា', birthdate: '1975-01-15', nationalIdNumber: '330440550' },
  noJavaScript: { sub: 'e2e-no-javascript', name: 'ស៊ុន ពិសី', birthdate: '2001-09-09', nationalIdNumber: '440550660' },
} satisfies Record<string, DemoIdentity>;

export const identityClient = { clientId: 'mpwt-portal-e2e', clientSecret: 'end-to-end-identity-client-secret' };
