// The demo's national digital ID: a real OpenID Connect provider on loopback with the demo
// identities (lib/auth/demo-identity-provider.ts). npm start runs it in demo mode when no
// NATIONAL_ID_ISSUER is set, with the client settings it also gives the portal.
import { startDemoIdentityProvider } from '@/lib/auth/demo-identity-provider';
import { publicUrl } from '@/lib/http/public-address';

const { IDENTITY_PROVIDER_PORT, NATIONAL_ID_CLIENT_ID, NATIONAL_ID_CLIENT_SECRET, NEXTAUTH_URL } = process.env;
if (!IDENTITY_PROVIDER_PORT || !NATIONAL_ID_CLIENT_ID || !NATIONAL_ID_CLIENT_SECRET || !NEXTAUTH_URL) {
  throw new Error('Set IDENTITY_PROVIDER_PORT, NATIONAL_ID_CLIENT_ID, NATIONAL_ID_CLIENT_SECRET and NEXTAUTH_URL (npm start does).');
}
const provider = await startDemoIdentityProvider({
  port: Number(IDENTITY_PROVIDER_PORT),
  clientId: NATIONAL_ID_CLIENT_ID,
  clientSecret: NATIONAL_ID_CLIENT_SECRET,
  redirectUri: publicUrl('/api/national-id/callback'),
});
console.log(`[identity] Demo national digital ID at ${provider.issuer}`);

const stop = () => void provider.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
