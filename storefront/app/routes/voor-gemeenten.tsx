import type { HeadersFunction, LinksFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ContentPage, printStylesheet } from "~/components/ContentPage";
import { CONTENT_HEADERS, loadContentPage } from "~/lib/content/content.server";
import { seoMeta } from "~/lib/seo/seo";

// Text: app/content/voor-gemeenten.md

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);

export const headers: HeadersFunction = () => CONTENT_HEADERS;

export const links: LinksFunction = () => [printStylesheet];

export function loader() {
  return loadContentPage("voor-gemeenten");
}

export default function VoorGemeenten() {
  const { page } = useLoaderData<typeof loader>();
  return <ContentPage page={page} />;
}
