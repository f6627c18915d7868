// `npm run bench` (or `npm run bench -- dashboard` for one): run `npm run build` first. Prints
// figures; asserts nothing.
import { measureClientJs } from './client-js';
import { measureDashboard } from './dashboard';
import { serveEmptyApp } from './framework-floor';
import { measureQueue } from './queue';
import { serveBuild } from './serve';
import { measureTracking } from './tracking';

const only = process.argv[2];
const wanted = (name: string) => !only || only === name;

const empty = wanted('js') ? await serveEmptyApp() : null;
const served = await serveBuild();
try {
  if (empty) await measureClientJs(served, empty.baseUrl);
  if (wanted('tracking')) await measureTracking(served);
  if (wanted('queue')) await measureQueue(served);
  if (wanted('dashboard')) await measureDashboard(served);
} finally {
  await served.stop();
  await empty?.stop();
}
process.exit(0);
