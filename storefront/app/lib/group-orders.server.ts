/**
 * Orders for a neighbourhood group: the group page with the number of signs its
 * orders contain (GET /store/groups/:slug, `signs_ordered`).
 */
import { FetchError } from "@medusajs/js-sdk";
import { callBackend } from "./catalogue.server";
import { createBoundedCache, type GroupDetail, toGroupDetail } from "./groups.server";
import { sdk } from "./medusa.server";

export type GroupWithSigns = GroupDetail & { signsOrdered: number };

type ApiGroupWithSigns = Parameters<typeof toGroupDetail>[0] & { signs_ordered?: number };

// Like the directory's reads: a new order shows on the group page within 15 seconds.
const cache = createBoundedCache({ freshMs: 15_000, maxEntries: 2_000 });

/** One approved group with its signs count; null when there is none. */
export function getGroupWithSigns(slug: string): Promise<GroupWithSigns | null> {
  return cache.get(`group-signs:${slug}`, async () => {
    try {
      const { group } = await callBackend("retrieve group", () =>
        sdk.client.fetch<{ group: ApiGroupWithSigns }>(`/store/groups/${encodeURIComponent(slug)}`),
      );
      const signs = Number(group.signs_ordered ?? 0);
      return { ...toGroupDetail(group), signsOrdered: Number.isFinite(signs) ? signs : 0 };
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof FetchError && cause.status === 404) return null;
      throw error;
    }
  });
}

/** Test hook. */
export function resetGroupSignsCache(): void {
  cache.clear();
}
