import { defineRouteConfig } from "@medusajs/admin-sdk"
import { UsersSolid } from "@medusajs/icons"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  type DataTablePaginationState,
  Heading,
  Select,
  StatusBadge,
  Text,
  toast,
  useDataTable,
  usePrompt,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate, useSearchParams } from "react-router-dom"
import {
  type AdminGroup,
  confirmFarPointApproval,
  errorMessage,
  farPointKm,
  farPointLabel,
  type GroupStatus,
  STATUS_COLORS,
  STATUS_LABELS,
  useApproveGroup,
  useGroups,
} from "../../lib/groups"
import { formatDate } from "../../lib/format"

const PAGE_SIZE = 20
const ALL = "all"
/** Not a status: groups whose admin asked for a new name or location. */
const CHANGES = "changes"

const columnHelper = createDataTableColumnHelper<AdminGroup>()

/**
 * Buurtgroepen: every registered WhatsApp-buurtpreventie group, filtered by status
 * (default: awaiting moderation) and searched by name, place or the admin's name or
 * e-mail. Click a row to review, edit, approve, reject or archive it.
 */
const GroupsPage = () => {
  const navigate = useNavigate()
  const [searchParams, setSearchParams] = useSearchParams()
  const status = (searchParams.get("status") ?? "pending") as GroupStatus | typeof ALL | typeof CHANGES
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const approve = useApproveGroup()
  const prompt = usePrompt()

  const { data, isLoading } = useGroups({
    status: status === ALL || status === CHANGES ? undefined : status,
    changes: status === CHANGES,
    q: search || undefined,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })

  const columns = useMemo(
    () => [
      columnHelper.accessor("name", {
        header: "Groep",
        cell: ({ row }) => (
          <div className="flex flex-col">
            <Text size="small" weight="plus">{row.original.name}</Text>
            <Text size="xsmall" className="text-ui-fg-subtle">{row.original.slug}</Text>
          </div>
        ),
      }),
      columnHelper.accessor("woonplaats", {
        header: "Plaats",
        cell: ({ row }) => `${row.original.woonplaats} (${row.original.gemeente})`,
      }),
      columnHelper.accessor("postcodes", {
        header: "Postcodes",
        cell: ({ getValue }) => getValue().join(", "),
      }),
      columnHelper.accessor("member_count", { header: "Leden" }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ row, getValue }) => (
          <div className="flex flex-col items-start gap-1">
            <StatusBadge color={STATUS_COLORS[getValue()]}>{STATUS_LABELS[getValue()]}</StatusBadge>
            {row.original.pending_changes && <StatusBadge color="orange">Wijziging wacht</StatusBadge>}
            {row.original.possible_duplicate_of && <StatusBadge color="red">Mogelijk dubbel</StatusBadge>}
            {farPointKm(row.original) !== null && (
              <StatusBadge color="red">{farPointLabel(farPointKm(row.original)!)}</StatusBadge>
            )}
          </div>
        ),
      }),
      columnHelper.accessor("created_at", {
        header: "Aangemeld",
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      columnHelper.display({
        id: "actions",
        cell: ({ row }) =>
          row.original.status === "pending" ? (
            <Button
              size="small"
              variant="secondary"
              isLoading={approve.isPending && approve.variables?.id === row.original.id}
              onClick={async (event) => {
                event.stopPropagation()
                if (!(await confirmFarPointApproval(prompt, row.original))) return
                // the row as staff see it: a group renamed since answers 409 and the list reloads
                approve.mutate(row.original, {
                  onSuccess: () => toast.success(`${row.original.name} is goedgekeurd`),
                  onError: (error) => toast.error(errorMessage(error)),
                })
              }}
            >
              Goedkeuren
            </Button>
          ) : null,
      }),
    ],
    [approve, prompt]
  )

  const table = useDataTable({
    columns,
    data: data?.groups ?? [],
    getRowId: (group) => group.id,
    rowCount: data?.count ?? 0,
    isLoading,
    search: { state: search, onSearchChange: setSearch, debounce: 300 },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_, group) => navigate(`/groups/${group.id}`),
  })

  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div>
            <Heading>Buurtgroepen</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              WhatsApp-buurtpreventiegroepen in het overzicht. Nieuwe aanmeldingen wachten op beoordeling.
            </Text>
          </div>
          <div className="flex items-center gap-2">
            <Select
              size="small"
              value={status}
              onValueChange={(value) => {
                setPagination((p) => ({ ...p, pageIndex: 0 }))
                setSearchParams(value === "pending" ? {} : { status: value })
              }}
            >
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {(Object.keys(STATUS_LABELS) as GroupStatus[]).map((s) => (
                  <Select.Item key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </Select.Item>
                ))}
                <Select.Item value={CHANGES}>Wijziging wacht op beoordeling</Select.Item>
                <Select.Item value={ALL}>Alle statussen</Select.Item>
              </Select.Content>
            </Select>
            <DataTable.Search placeholder="Zoek op naam, plaats of beheerder" />
          </div>
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: { heading: "Geen groepen", description: "Er zijn geen groepen met deze status." },
            filtered: { heading: "Niets gevonden", description: "Geen groep past bij je zoekopdracht." },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Buurtgroepen",
  icon: UsersSolid,
})

export default GroupsPage
