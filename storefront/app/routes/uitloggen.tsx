import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/lib/session/session.server";

/** GET /uitloggen: signing out only happens with a POST (a link or prefetch must not sign anyone out). */
export function loader() {
  return redirect("/mijn-groep", { status: 303 });
}

/** POST /uitloggen: signs the group admin out. */
export async function action({ context }: ActionFunctionArgs) {
  return signOut(context.session, "customerToken", "/");
}
