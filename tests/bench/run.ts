// `npm run bench`: run `npm run build` first. Prints figures; asserts nothing.
import { measureClientJs } from './client-js';
import { serveEmptyApp } from './framework-floor';
import { serveBuild } from './serve';
import { measureTracking } from './tracking';

const empty = await serveEmptyApp();
const served = await serveBuild();
try {
  await measureClientJs(served, empty.baseUrl);
  await measureTracking(served);
} finally {
  await served.stop();
  await empty.stop();
}
process.exit(0);
