/** After a registration (post/redirect/get): /groepen/aanmelden → /groepen/aangemeld. */
import { createCookie } from "@remix-run/node";
import { getConfig } from "../config.server";

let registeredCookie: ReturnType<typeof createCookie> | undefined;

/** A short-lived signed cookie carries the name the visitor typed and the backend's answer to /groepen/aangemeld. */
function confirmationCookie() {
  const config = getConfig();
  registeredCookie ??= createCookie("__bp_aangemeld", {
    path: "/groepen",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    secrets: [config.sessionSecret],
    maxAge: 60 * 30,
  });
  return registeredCookie;
}

export function rememberRegistration(registered: { name: string; message: string }): Promise<string> {
  return confirmationCookie().serialize({ name: registered.name, message: registered.message });
}

export async function readRegistration(request: Request): Promise<{ name: string; message: string } | null> {
  const value = (await confirmationCookie().parse(request.headers.get("Cookie"))) as unknown;
  if (!value || typeof value !== "object") return null;
  const { name, message } = value as { name?: unknown; message?: unknown };
  return typeof name === "string" && typeof message === "string" ? { name, message } : null;
}

