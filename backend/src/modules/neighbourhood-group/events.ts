/** Events the group workflows emit (data: `{ id }`); subscribers in src/subscribers/group-*.ts send the e-mails. */
export const GroupEvents = {
  REGISTERED: "neighbourhood_group.registered",
  APPROVED: "neighbourhood_group.approved",
  REJECTED: "neighbourhood_group.rejected",
  ARCHIVED: "neighbourhood_group.archived",
  UPDATED: "neighbourhood_group.updated",
  /** data: `{ id, reason }`: staff dropped an admin's pending change of name or location */
  CHANGES_REJECTED: "neighbourhood_group.changes_rejected",
  REFERENCE_DATA_IMPORTED: "neighbourhood_group.reference_data_imported",
} as const
