/**
 * What each page's preview image shows (see og-image.server.ts): a product (the sign
 * itself), a group (name, place, and a sign), a municipality, and the rules of conduct.
 * Public data only: never anything about a group's admin.
 */
import { loadFromBackend } from "../backend/backend.server";
import { getProduct } from "../catalogue/catalogue.server";
import { formatGroupCount } from "../groups/group-view";
import { getGroup, getMunicipality } from "../groups/groups.server";
import { isOgKind, OG_CONTENT_PAGES } from "./og-image";
import type { OgCard } from "./og-image.server";

/** The sign shown on group and municipality previews. */
const SIGN_IMAGE = "/images/products/bord-whatsapp-buurtpreventie.svg";

export async function ogCardFor(kind: unknown, slug: string): Promise<OgCard | null> {
  if (!isOgKind(kind) || !slug || slug.length > 200) return null;
  switch (kind) {
    case "product": {
      const product = await loadFromBackend(() => getProduct(slug));
      if (!product) return null;
      return { eyebrow: "Buurtpreventie Shop", title: product.title, subtitle: product.subtitle ?? null, image: product.images[0] ?? null };
    }
    case "groep": {
      const group = await loadFromBackend(() => getGroup(slug));
      if (!group) return null;
      return {
        eyebrow: `WhatsApp-buurtpreventie in ${group.woonplaats}`,
        title: group.name,
        subtitle: `Gemeente ${group.gemeente} · ${group.membersLabel}`,
        image: SIGN_IMAGE,
      };
    }
    case "gemeente": {
      const found = await loadFromBackend(() => getMunicipality(slug));
      if (found.kind !== "found") return null;
      const m = found.municipality;
      return {
        eyebrow: "Buurtpreventie per gemeente",
        title: `Buurtpreventie in ${m.name}`,
        subtitle: m.groupCount > 0 ? `${formatGroupCount(m.groupCount)} op de kaart` : "Meld de eerste groep aan",
        image: SIGN_IMAGE,
      };
    }
    case "pagina": {
      const page = Object.hasOwn(OG_CONTENT_PAGES, slug) ? OG_CONTENT_PAGES[slug] : undefined;
      return page ? { eyebrow: "Buurtpreventie Shop", title: page.title, subtitle: page.subtitle, image: null } : null;
    }
  }
}
