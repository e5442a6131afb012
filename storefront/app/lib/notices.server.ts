/**
 * Area notices for a group's page (and "Mijn groep"): the current, not withdrawn
 * notices for the group's area from GET /store/groups/:slug/notices. Notices are
 * secondary content: when the backend fails the page shows none rather than an error.
 * The API returns public fields only; the mapper copies only the ones it names.
 */
import { FetchError } from "@medusajs/js-sdk";
import type { AreaNoticeView } from "~/components/groups/AreaNotices";
import { createCache } from "./cache.server";
import { callBackend } from "./catalogue.server";
import { sdk } from "./medusa.server";

type ApiNotice = { id: string; title: string; body: string; author_label: string; starts_at: string; ends_at: string };

// Short: a withdrawn notice should disappear within seconds.
const cache = createCache<ApiNotice[] | null>({ freshMs: 10_000, maxStaleMs: 10_000 });

const dateFormat = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" });

/** "25 november 2026" (Amsterdam time). */
export function formatNoticeDate(value: string): string {
  return dateFormat.format(new Date(value));
}

/** API notice → view model; drops notices that ended since they were cached. Pure; exported for tests. */
export function toNoticeViews(notices: ApiNotice[], now = new Date()): AreaNoticeView[] {
  return notices
    .filter((n) => new Date(n.ends_at).getTime() > now.getTime() && new Date(n.starts_at).getTime() <= now.getTime())
    .map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      authorLabel: n.author_label,
      startsAt: n.starts_at,
      endsAt: n.ends_at,
      startsLabel: formatNoticeDate(n.starts_at),
      endsLabel: formatNoticeDate(n.ends_at),
    }));
}

/** Current notices for an approved group; [] for an unknown group or when the backend fails. */
export async function getAreaNotices(slug: string): Promise<AreaNoticeView[]> {
  try {
    const notices = await cache.get(`notices:${slug}`, async () => {
      try {
        const { notices } = await callBackend("list area notices", () =>
          sdk.client.fetch<{ notices: ApiNotice[] }>(`/store/groups/${encodeURIComponent(slug)}/notices`),
        );
        return notices;
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        if (cause instanceof FetchError && cause.status === 404) return null;
        throw error;
      }
    });
    return notices ? toNoticeViews(notices) : [];
  } catch (error) {
    console.warn(`Area notices for ${slug} unavailable: ${(error as Error).message}`);
    return [];
  }
}
