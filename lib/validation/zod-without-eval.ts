// Imported before any schema is made in a browser bundle that checks with zod: zod would otherwise
// probe for eval when a schema is made (to compile faster parsers), and the portal's
// Content-Security-Policy refuses eval, so every page load reported a violation.
import { z } from 'zod';

z.config({ jitless: true });
