/**
 * Typography for server-rendered Markdown (the typography plugin is not installed).
 * Block styles target direct children only, so components placed inside (cards, accordions)
 * keep their own look; links, emphasis and code are styled everywhere.
 */
const PROSE_CLASSES = [
  "max-w-[68ch] leading-relaxed text-slate-800",
  // vertical rhythm
  "[&>*+*]:mt-4 [&>h2]:mt-10 [&>h3]:mt-8 [&>h2+*]:mt-3 [&>h3+*]:mt-2 [&>*:first-child]:mt-0",
  // headings
  "[&>h2]:scroll-mt-6 [&>h2]:text-2xl [&>h2]:font-bold [&>h2]:tracking-tight [&>h2]:text-brand-blue",
  "[&>h3]:scroll-mt-6 [&>h3]:text-xl [&>h3]:font-semibold [&>h3]:text-slate-900",
  // lists
  "[&_ul]:list-disc [&_ol]:list-decimal [&_ul]:pl-6 [&_ol]:pl-6 [&_li]:pl-1 [&_li+li]:mt-1.5",
  "[&_li>ul]:mt-1.5 [&_li>ol]:mt-1.5 [&_li::marker]:text-brand-blue",
  // inline
  "[&_a]:font-semibold [&_a]:text-brand-blue [&_a]:underline [&_a]:underline-offset-4 [&_a:hover]:decoration-2",
  "[&_strong]:font-semibold [&_strong]:text-slate-950",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1.5 [&_code]:py-0.5 [&_code]:text-[0.9em]",
  // a quote is a highlighted note ("> **Spoed?** Bel 112.")
  "[&>blockquote]:rounded-r-lg [&>blockquote]:border-l-8 [&>blockquote]:border-brand-yellow",
  "[&>blockquote]:bg-brand-blue-light [&>blockquote]:px-5 [&>blockquote]:py-4 [&>blockquote]:text-slate-900",
  "[&>blockquote>*+*]:mt-2",
  "[&>hr]:my-10 [&>hr]:border-slate-200",
  "[&>pre]:overflow-x-auto [&>pre]:rounded-lg [&>pre]:bg-slate-100 [&>pre]:p-4 [&>pre]:text-sm",
].join(" ");

const SIZE_CLASSES = {
  /** Running text of a page. */
  normal: "text-base sm:text-lg",
  /** Text inside cards and accordions. */
  compact: "text-base",
} as const;

type ProseProps = {
  /** Trusted HTML rendered on the server by content.server.ts. */
  html: string;
  size?: keyof typeof SIZE_CLASSES;
  className?: string;
};

/** Markdown HTML with readable line length and the site's typography. */
export function Prose({ html, size = "normal", className }: ProseProps) {
  const classes = [PROSE_CLASSES, SIZE_CLASSES[size], className].filter(Boolean).join(" ");
  return <div className={classes} dangerouslySetInnerHTML={{ __html: html }} />;
}
