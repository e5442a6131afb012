import type { HeadersFunction, LinksFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ContentPage, printStylesheet } from "~/components/ContentPage";
import { WithdrawalLink } from "~/components/WithdrawalLink";
import { CONTENT_HEADERS, loadContentPage } from "~/lib/content/content.server";
import { seoMeta } from "~/lib/seo/seo";

// Text: app/content/retourneren.md

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);

export const headers: HeadersFunction = () => CONTENT_HEADERS;

export const links: LinksFunction = () => [printStylesheet];

export function loader() {
  return loadContentPage("retourneren");
}

export default function Retourneren() {
  const { page } = useLoaderData<typeof loader>();
  return (
    <ContentPage
      page={page}
      lead={
        <div className="mt-6 flex flex-wrap items-center gap-x-4 gap-y-2" data-testid="withdrawal-lead">
          <WithdrawalLink />
          <p className="text-slate-800">Herroepen kan hier direct online, met je bestelnummer en e-mailadres.</p>
        </div>
      }
    />
  );
}
