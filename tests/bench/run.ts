// `npm run bench` (or `npm run bench -- dashboard` for one; `-- --smoke` for the small size that
// `npm test` runs, see size.ts): builds the tests' build first. Prints figures; fails only when a
// benchmark cannot run to its end.
import { measureApi } from './api';
import { measureCatalogueSearch } from './catalogue-search';
import { measureClientJs } from './client-js';
import { measureCluster } from './cluster';
import { measureDashboard } from './dashboard';
import { measureEscalation } from './escalation';
import { serveEmptyApp } from './framework-floor';
import { measureLighthouse } from './lighthouse';
import { measurePerformance } from './performance';
import { measurePublishing } from './publishing';
import { measureQueue } from './queue';
import { serveBuild } from './serve';
import { benchSize } from './size';
import { measureTracking } from './tracking';

const only = process.argv.slice(2).find((argument) => !argument.startsWith('--'));
const wanted = (name: string) => !only || only === name;

const started = performance.now();
const empty = wanted('js') ? await serveEmptyApp() : null;
const served = await serveBuild().catch(async (error: unknown) => {
  await empty?.stop();
  throw error;
});
try {
  if (empty) await measureClientJs(served, empty.baseUrl);
  if (wanted('tracking')) await measureTracking(served);
  if (wanted('api')) await measureApi(served);
  if (wanted('catalogue-search')) await measureCatalogueSearch(served);
  if (wanted('queue')) await measureQueue(served);
  if (wanted('publishing')) await measurePublishing(served);
  if (wanted('dashboard')) await measureDashboard(served);
  if (wanted('escalation')) await measureEscalation(served);
  if (wanted('cluster')) await measureCluster(served);
  if (wanted('performance')) await measurePerformance(served);
  if (wanted('lighthouse')) await measureLighthouse(served);
} finally {
  await served.stop();
  await empty?.stop();
}
console.log(`\nBenchmarks (${benchSize} size) ran to their end in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
process.exit(0);
