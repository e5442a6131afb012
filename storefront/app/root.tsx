import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useNavigation,
  useRevalidator,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "./components/ErrorPage";
import { NoticeToast } from "./components/NoticeToast";
import { SiteFooter } from "./components/SiteFooter";
import { SiteHeader } from "./components/SiteHeader";
import { SkipLink } from "./components/SkipLink";
import { errorText } from "./lib/error-messages";
import { useNonce } from "./lib/document/nonce";
import { useCart } from "./lib/cart/pending-adds";
import { CART_ACTION_URL } from "./lib/cart/cart-intents";
import { loadCompany } from "./lib/content/company.server";
import { STOREFRONT_NAME } from "./lib/site";
import stylesheet from "./tailwind.css?url";
import { INLINE_STYLESHEET, INLINE_STYLESHEET_ID, useInlineStylesheet } from "./lib/document/inline-stylesheet";

export const links: LinksFunction = () => [
  // In production the stylesheet is inlined in the head instead (lib/document/inline-stylesheet.ts).
  ...(INLINE_STYLESHEET ? [] : [{ rel: "stylesheet", href: stylesheet }]),
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: STOREFRONT_NAME }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: `${errorText(status).title} | ${STOREFRONT_NAME}` }, { name: "robots", content: "noindex" }];
};

export async function loader({ context }: LoaderFunctionArgs) {
  // The header count comes from the session: no backend call per page view.
  const { session } = context;
  const notice = session.get("notice") ?? null;
  const payload = {
    // Cached; while the backend cannot say, the footer leaves the company details out.
    company: await loadCompany().catch(() => null),
    cartCount: context.cart.count,
    // a group admin's login (lib/account/account.server.ts): the header shows "Mijn groep" instead of "Inloggen"
    signedIn: Boolean(session.get("customerToken")),
    notice,
    // Distinguishes two identical notices in a row (e.g. adding the same product twice).
    noticeKey: notice ? `${Date.now()}` : null,
  };
  // Reading a flash notice consumes it: the request context writes that back (only then).
  return payload;
}

export function Layout({ children }: { children: ReactNode }) {
  // undefined when the root loader itself failed (ErrorBoundary render)
  const data = useRouteLoaderData<typeof loader>("root");
  // The session's count, with the adds to cart this tab made and the server has not answered yet.
  const location = useLocation();
  // a cart change being sent: the notice it answers replaces the one shown now
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const cart = useCart({ data, count: data?.cartCount ?? 0 }, location.key, revalidator.revalidate);
  // the Content-Security-Policy's nonce for Remix's inline scripts (entry.server.tsx)
  const nonce = useNonce();
  const css = useInlineStylesheet();
  return (
    <html lang="nl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b3a75" />
        <Meta />
        {INLINE_STYLESHEET ? <style id={INLINE_STYLESHEET_ID} dangerouslySetInnerHTML={{ __html: css }} /> : null}
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <SkipLink target="inhoud" />
        <SiteHeader cartCount={cart.count} signedIn={data?.signedIn ?? false} />
        <NoticeToast
          notice={data?.notice ?? null}
          noticeKey={data?.noticeKey ?? null}
          replaced={navigation.state === "submitting" && navigation.formAction === CART_ACTION_URL}
        />
        <main id="inhoud" tabIndex={-1} className="flex-1">
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  // Details go to the server log (entry.server.tsx handleError); visitors get a plain Dutch message.
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
