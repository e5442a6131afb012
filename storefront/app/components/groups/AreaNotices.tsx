import type { AreaNoticeView } from "~/lib/notices/notice-view";

type AreaNoticesProps = {
  notices: AreaNoticeView[];
  /** Heading level inside the page's outline (default h2). */
  headingLevel?: 2 | 3;
  /** Id of the heading; unique per page when several groups show their notices. */
  headingId?: string;
};

/**
 * "Meldingen in deze buurt": current notices from the wijkagent, the municipality or
 * the shop for the group's area. A labelled region with one article per notice; the
 * text is rendered as text (never HTML). Renders nothing when there are none.
 */
export function AreaNotices({ notices, headingLevel = 2, headingId = "area-notices-heading" }: AreaNoticesProps) {
  if (!notices.length) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Title = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby={headingId} data-testid="area-notices" className="rounded-xl border border-amber-300 bg-amber-50 p-4 sm:p-5">
      <Heading id={headingId} className="flex items-center gap-2 text-lg font-bold text-slate-900">
        <svg viewBox="0 0 24 24" className="h-5 w-5 shrink-0 text-amber-700" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 2 1 21h22L12 2Zm0 6 1 7h-2l1-7Zm-1 9h2v2h-2v-2Z" />
        </svg>
        Meldingen in deze buurt
      </Heading>
      <ul role="list" className="mt-3 space-y-4">
        {notices.map((notice) => (
          <li key={notice.id}>
            <article aria-labelledby={`notice-${notice.id}`}>
              <Title id={`notice-${notice.id}`} className="font-semibold text-slate-900">
                {notice.title}
              </Title>
              <p className="mt-1 whitespace-pre-line text-slate-800">{notice.body}</p>
              <p className="mt-1 text-sm text-slate-700">
                {notice.authorLabel} · geldig van{" "}
                <time dateTime={notice.startsAt}>{notice.startsLabel}</time> tot{" "}
                <time dateTime={notice.endsAt}>{notice.endsLabel}</time>
              </p>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
