// Lets a process of our own (run by tsx, outside Next.js) load the modules the app's route
// handlers import. 'server-only' throws unless imported under React's server condition, which
// Next.js sets and plain Node does not; here it resolves to an empty module. What it guards
// against (server code in a browser bundle) cannot happen in a server process.
import { register } from 'node:module';

const hooks = `export async function resolve(specifier, context, next) {
  return specifier === 'server-only' ? { url: 'data:text/javascript,', shortCircuit: true } : next(specifier, context);
}`;

/** Call before importing (dynamically) any module that imports 'server-only'. */
export function allowServerOnlyImports(): void {
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
