import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { commitSession, getSession } from "~/lib/session.server";

/** GET /uitloggen: signing out only happens with a POST (a link or prefetch must not sign anyone out). */
export function loader() {
  return redirect("/mijn-groep", { status: 303 });
}

/** POST /uitloggen: forgets the token (Medusa's JWTs are stateless; the cookie holds the only copy). */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  session.unset("customerToken");
  session.flash("notice", { kind: "info", message: "Je bent uitgelogd." });
  return redirect("/", { status: 303, headers: { "Set-Cookie": await commitSession(session) } });
}
