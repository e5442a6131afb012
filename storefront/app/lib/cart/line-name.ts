/** A cart line as the shopper sees it: "Straatbord X (60 cm)", or just the product's title. Client-safe. */
export const lineName = (title: string, variantTitle: string | null | undefined) =>
  variantTitle ? `${title} (${variantTitle})` : title;
