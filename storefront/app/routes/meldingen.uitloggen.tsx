import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { commitSession, getSession } from "~/lib/session.server";

/** GET: signing out only happens with a POST (a link or prefetch must not sign anyone out). */
export function loader() {
  return redirect("/meldingen", { status: 303 });
}

/** POST: forgets the notice account's token only; a group admin signed in on the same browser stays signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  session.unset("noticeAuthorToken");
  session.flash("notice", { kind: "info", message: "Je bent uitgelogd." });
  return redirect("/meldingen/inloggen", { status: 303, headers: { "Set-Cookie": await commitSession(session) } });
}
