/**
 * `fetchpriority="high"` for the image a page is judged by (its Largest Contentful Paint):
 * the browser's preload scanner then fetches it at once and ahead of the scripts, instead of
 * at low priority after the parser reaches it (issue #29). React 18 does not know the
 * camel-case `fetchPriority` prop (React 19 does) and warns about it; the lower-case
 * attribute passes through to the HTML unchanged.
 */
export const FETCH_PRIORITY_HIGH = { fetchpriority: "high" } as Record<string, string>;
