import { Icon } from "~/components/Icon";
import { Prose } from "./Prose";

export type AccordionItem = {
  id: string;
  /** Question as inline HTML from Markdown. */
  titleHtml: string;
  /** Answer as HTML from Markdown. */
  html: string;
};

/**
 * Questions and answers with native <details>/<summary>: keyboard and screen-reader support
 * come from the browser, and it works without JavaScript.
 */
export function Accordion({ items }: { items: AccordionItem[] }) {
  return (
    <div className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {items.map((item) => (
        <details key={item.id} id={item.id} className="group scroll-mt-6">
          <summary className="flex cursor-pointer list-none items-start justify-between gap-4 px-5 py-4 text-lg font-semibold text-slate-900 hover:bg-brand-blue-light focus-visible:-outline-offset-4 [&::-webkit-details-marker]:hidden">
            <span dangerouslySetInnerHTML={{ __html: item.titleHtml }} />
            <Icon name="chevronDown" className="mt-1 h-5 w-5 shrink-0 text-brand-blue transition-transform group-open:rotate-180" strokeWidth={2.5} />
          </summary>
          <div className="px-5 pt-1 pb-5">
            <Prose html={item.html} size="compact" />
          </div>
        </details>
      ))}
    </div>
  );
}
