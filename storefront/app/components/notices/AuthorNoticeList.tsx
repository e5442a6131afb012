import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { AuthorNotice } from "~/lib/notices/notices.server";
import { Button } from "../Button";
import { NoticeStatusBadge } from "./NoticeStatusBadge";

/** "Nog aan geen enkele groepsbeheerder gestuurd", "Naar 1 groepsbeheerder gestuurd", "Naar 12 groepsbeheerders gestuurd". */
export function deliveryLabel(count: number): string {
  if (count === 0) return "Nog aan geen enkele groepsbeheerder gestuurd";
  return `Naar ${count} groepsbeheerder${count === 1 ? "" : "s"} gestuurd`;
}

/** Where a notice applies: municipality names (or codes) and PC4 areas. */
export function targetLabel(notice: Pick<AuthorNotice, "municipalityCodes" | "postcodes">, names: Record<string, string>): string {
  const parts = [
    ...notice.municipalityCodes.map((code) => (names[code] ? `gemeente ${names[code]}` : `gemeente ${code}`)),
    ...(notice.postcodes.length ? [`postcode${notice.postcodes.length === 1 ? "" : "s"} ${notice.postcodes.join(", ")}`] : []),
  ];
  return parts.join(", ");
}

const withdrawable = (n: AuthorNotice) => n.status === "current" || n.status === "planned";

/**
 * The account's notices, newest first, with status, period, area and delivery count.
 * Withdrawing takes two steps that work without JavaScript: the "Intrekken" link opens
 * a confirmation at the notice (?intrekken=<id>), whose button posts the withdrawal.
 */
export function AuthorNoticeList({
  notices,
  names,
  confirmId,
}: {
  notices: AuthorNotice[];
  names: Record<string, string>;
  confirmId: string | null;
}) {
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirmId) confirmRef.current?.focus();
  }, [confirmId]);

  if (!notices.length) return <p className="text-slate-700">Je hebt nog geen meldingen geplaatst.</p>;
  return (
    <ul role="list" className="space-y-4" data-testid="author-notices">
      {notices.map((notice) => (
        <li key={notice.id} data-testid="author-notice" className="rounded-xl border border-slate-300 bg-white p-4 sm:p-5">
          <article aria-labelledby={`eigen-melding-${notice.id}`}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 id={`eigen-melding-${notice.id}`} className="text-lg font-semibold text-slate-900">
                {notice.title}
              </h3>
              <NoticeStatusBadge status={notice.status} />
            </div>
            <p className="mt-1 whitespace-pre-line text-slate-800">{notice.body}</p>
            <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold">Geldig</dt>
              <dd>
                van <time dateTime={notice.startsAt}>{notice.startsLabel}</time> tot en met{" "}
                <time dateTime={notice.endsAt}>{notice.endsLabel}</time>
              </dd>
              <dt className="font-semibold">Voor</dt>
              <dd>{targetLabel(notice, names)}</dd>
              <dt className="font-semibold">Verstuurd</dt>
              <dd data-testid="notice-deliveries">{deliveryLabel(notice.deliveryCount)}</dd>
            </dl>
            {withdrawable(notice) ? (
              confirmId === notice.id ? (
                <div
                  ref={confirmRef}
                  id="intrekken-bevestigen"
                  tabIndex={-1}
                  role="group"
                  aria-labelledby="intrekken-vraag"
                  className="mt-4 rounded-lg border-l-4 border-red-700 bg-red-50 p-4"
                >
                  <p id="intrekken-vraag" className="font-semibold text-red-950">
                    Melding &ldquo;{notice.title}&rdquo; intrekken?
                  </p>
                  <p className="mt-1 text-sm text-slate-800">
                    Hij verdwijnt meteen van de groepspagina&apos;s en &quot;Mijn groep&quot;. Verstuurde e-mails kunnen niet worden teruggehaald. Dit
                    kun je niet ongedaan maken.
                  </p>
                  <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-3">
                    <Form method="post">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="id" value={notice.id} />
                      <Button type="submit">Ja, intrekken</Button>
                    </Form>
                    <Link to="/meldingen" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
                      Annuleren
                    </Link>
                  </div>
                </div>
              ) : (
                <Link
                  to={`/meldingen?intrekken=${encodeURIComponent(notice.id)}#intrekken-bevestigen`}
                  className="mt-3 inline-block font-semibold text-red-800 underline underline-offset-2 hover:no-underline"
                >
                  Intrekken<span className="sr-only">: {notice.title}</span>
                </Link>
              )
            ) : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
