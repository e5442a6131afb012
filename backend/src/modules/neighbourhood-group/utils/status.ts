/**
 * A group's status in Dutch, as written in sentences ("een groep met status
 * goedgekeurd"); the admin capitalises it on badges. One list for e-mails, errors
 * and the admin. (Kept free of imports so the admin bundle can use it as well.)
 */
export const GROUP_STATUS_LABELS = {
  pending: "wacht op beoordeling",
  approved: "goedgekeurd",
  rejected: "afgewezen",
  archived: "gearchiveerd",
} as const

/** The label of a status; an unknown status as it is. */
export const groupStatusLabel = (status: string): string => (GROUP_STATUS_LABELS as Record<string, string>)[status] ?? status
