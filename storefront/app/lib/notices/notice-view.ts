/** Area notices as pages show them. Client-safe types. */

/** One notice as the group page shows it (public fields only, dates already in Dutch). */
export type AreaNoticeView = {
  id: string;
  title: string;
  /** plain text; line breaks are kept */
  body: string;
  authorLabel: string;
  startsAt: string;
  endsAt: string;
  /** "25 november 2026" */
  startsLabel: string;
  /** "2 december 2026" */
  endsLabel: string;
};
