/**
 * Server side of sharing a group in its WhatsApp chat: the share data for a group (its
 * absolute order link and message), the counts its admin sees in "Mijn groep", the
 * signed-in visitor's own approved group on the public group page, and the products a
 * member is offered first on the members' page (the window sticker, then the signs).
 */
import { customerToken, listMyGroups, SignedOutError } from "../account/account.server";
import { backendFetch, failureStatus } from "../backend/backend.server";
import { type Category, listCategories, listProducts, type ProductSummary } from "../catalogue/catalogue.server";
import { getSiteUrl } from "../seo/seo.server";
import { type GroupOrderCounts, memberPagePath, posterPath, shareMessage, whatsAppShareUrl } from "./group-share";
import { canonicalUrl } from "../seo/seo";
import type { ShopSession } from "../session/session.server";

export type GroupShare = {
  /** Absolute URL of the members' page (the order link). */
  orderUrl: string;
  /** The Dutch message with the order link. */
  message: string;
  /** https://wa.me/?text=… with the message. */
  whatsAppUrl: string;
  /** The poster PDF (site path). */
  posterPath: string;
};

export function groupShare(group: { slug: string; name: string; woonplaats: string }): GroupShare {
  const orderUrl = canonicalUrl(getSiteUrl(), memberPagePath(group.slug));
  const message = shareMessage(group, orderUrl);
  return { orderUrl, message, whatsAppUrl: whatsAppShareUrl(message), posterPath: posterPath(group.slug) };
}

/** GET /store/my-group/groups/:id/orders: counts only; the caller must be the group's admin. */
export async function myGroupOrderCounts(token: string, groupId: string): Promise<GroupOrderCounts> {
  try {
    const { counts } = await backendFetch<{ counts: GroupOrderCounts }>(`/store/my-group/groups/${encodeURIComponent(groupId)}/orders`, {
      token,
    });
    return counts;
  } catch (error) {
    if (failureStatus(error) === 401) throw new SignedOutError();
    throw error;
  }
}

/**
 * On the public group page: the share data when the visitor is signed in as this
 * group's admin, else null. Never fails the page (a backend hiccup hides the share box).
 */
export async function ownGroupShare(session: ShopSession, slug: string): Promise<GroupShare | null> {
  const token = customerToken(session);
  if (!token) return null;
  try {
    const own = (await listMyGroups(token)).find((g) => g.slug === slug && g.status === "approved");
    return own ? groupShare(own) : null;
  } catch {
    return null;
  }
}

export type MemberSuggestions = { stickers: ProductSummary[]; signs: ProductSummary[] };

const byHandle = (categories: Category[], handle: string) => categories.find((c) => c.handle === handle);

/** Stickers (the window sticker first) and signs, for the members' page. */
export async function memberSuggestions(): Promise<MemberSuggestions> {
  const categories = await listCategories();
  const list = async (handle: string) => {
    const category = byHandle(categories, handle);
    return category ? (await listProducts({ limit: 100, categoryId: category.id })).products : [];
  };
  const [stickers, signs] = await Promise.all([list("stickers"), list("borden")]);
  const windowFirst = (p: ProductSummary) => (/raam/i.test(p.handle) ? 0 : 1);
  return { stickers: [...stickers].sort((a, b) => windowFirst(a) - windowFirst(b)), signs };
}

/**
 * For "Mijn groep": per approved group, the share data and the order counts (null when
 * the counts cannot be read now: the page still shows the share box). A 401 is SignedOutError.
 */
export async function myGroupShares(
  token: string,
  groups: { id: string; slug: string; name: string; woonplaats: string; status: string }[],
): Promise<Record<string, { share: GroupShare; counts: GroupOrderCounts | null }>> {
  const approved = groups.filter((g) => g.status === "approved");
  const counts = await Promise.all(
    approved.map((g) =>
      myGroupOrderCounts(token, g.id).catch((error: unknown) => {
        if (error instanceof SignedOutError) throw error;
        return null;
      }),
    ),
  );
  return Object.fromEntries(approved.map((g, i) => [g.id, { share: groupShare(g), counts: counts[i] ?? null }]));
}
