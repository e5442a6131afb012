/**
 * The classes of a page's <h1>: one size smaller below 420 px, and long Dutch compounds
 * ("Buurtpreventieborden", "Gemeentebestellingen") wrap instead of running off a 390 px phone.
 * Pages add their own margins, width and `sm:text-4xl` where the title may grow.
 */
export const PAGE_TITLE = "text-2xl min-[420px]:text-3xl font-extrabold tracking-tight text-brand-blue break-words hyphens-auto";
