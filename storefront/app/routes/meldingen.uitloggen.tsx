import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/lib/session/session.server";

/** GET: signing out only happens with a POST (a link or prefetch must not sign anyone out). */
export function loader() {
  return redirect("/meldingen", { status: 303 });
}

/** POST: signs the notice account out; a group admin signed in on the same browser stays signed in. */
export async function action({ context }: ActionFunctionArgs) {
  return signOut(context.session, "noticeAuthorToken", "/meldingen/inloggen");
}
