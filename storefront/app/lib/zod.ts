import { z } from "zod";

/**
 * zod for the whole storefront, imported from here rather than from "zod". zod 4 probes
 * `new Function("")` before it compiles a faster parser for object schemas; under the shop's
 * Content-Security-Policy (no 'unsafe-eval') the probe fails and the browser reports a CSP
 * violation on every page with a form (Lighthouse's best practices, issue #29). The forms are
 * a handful of fields: the plain parser is fast enough, so the probe is switched off.
 */
z.config({ jitless: true });

export { z };
