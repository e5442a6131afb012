import {
  Button,
  Container,
  Heading,
  Input,
  Label,
  StatusBadge,
  Text,
  Textarea,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useEffect, useRef, useState, type ReactNode } from "react"
import { Link, useLocation, useParams } from "react-router-dom"
import {
  type AdminGroup,
  type AdminGroupEdit,
  CHANGE_FIELD_LABELS,
  errorMessage,
  isGroupChanged,
  confirmFarPointApproval,
  formatChangeValue,
  STATUS_COLORS,
  STATUS_LABELS,
  type GroupReference,
  useApproveGroup,
  useApproveGroupChanges,
  useArchiveGroup,
  useGroup,
  useRejectGroup,
  useRejectGroupChanges,
  useSetMessagingBlock,
  useUpdateGroup,
} from "../../../lib/groups"
import { FormDrawer } from "../../../lib/form-drawer"
import { PointMap } from "../../../lib/point-map"
import { formatDate } from "../../../lib/format"
import { groupStatusLabel } from "../../../../modules/neighbourhood-group/utils/status"
import { BLOCK_REASON_MAX, BLOCK_REASON_MIN, blockReasonProblem } from "../../../../modules/admin-message/utils/block-reason"
import { MESSAGING_SECTION_ID } from "../../../lib/groups"

/** One group: its details and the admin's contact data, with moderation and editing. */
const GroupDetailPage = () => {
  const { id } = useParams() as { id: string }
  const { data: group, isLoading, error } = useGroup(id)

  if (isLoading) return <Container><Text>Laden…</Text></Container>
  if (!group) return <Container><Text>{error ? errorMessage(error) : "Groep niet gevonden"}</Text></Container>

  return (
    <div className="flex flex-col gap-y-3">
      {group.possible_duplicate_of && (
        <DuplicateNotice other={group.possible_duplicate_of} what="Deze aanmelding is mogelijk dezelfde groep als" />
      )}
      {group.pending_changes && <PendingChangesSection group={group} />}
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div className="flex flex-col gap-1">
            <Text size="small" className="text-ui-fg-subtle">
              <Link to="/groups">Buurtgroepen</Link> / {group.slug}
            </Text>
            <Heading>{group.name}</Heading>
          </div>
          <div className="flex items-center gap-2">
            <StatusBadge color={STATUS_COLORS[group.status]}>{STATUS_LABELS[group.status]}</StatusBadge>
            <ModerationActions group={group} />
          </div>
        </div>
        {group.status === "rejected" && group.rejection_reason && (
          <Row label="Reden van afwijzing">{group.rejection_reason}</Row>
        )}
        <Row label="Woonplaats">{group.woonplaats}</Row>
        <Row label="Gemeente">
          {group.gemeente}
          {group.gemeente_code ? ` (CBS ${group.gemeente_code})` : ""}
        </Row>
        <Row label="Postcodes">{group.postcodes.join(", ")}</Row>
        <Row label="Leden">{group.member_count}</Row>
        <div className="grid grid-cols-2 items-start px-6 py-3">
          <Text size="small" weight="plus">Locatie</Text>
          <div className="flex flex-col gap-2 text-ui-fg-base txt-small">
            <span>{group.lat !== null && group.lng !== null ? `${group.lat}, ${group.lng}` : "onbekend"}</span>
            {group.point_check?.far ? (
              <Text size="small" role="note" data-testid="group-point-warning" className="rounded border border-ui-tag-orange-border bg-ui-tag-orange-bg px-2 py-1 text-ui-tag-orange-text">
                <strong>Let op:</strong> {group.point_check.far.message}
              </Text>
            ) : null}
            <PointMap
              point={group.lat !== null && group.lng !== null ? { lat: group.lat, lng: group.lng } : null}
              centres={group.point_check?.centres ?? []}
            />
          </div>
        </div>
        <Row label="Aangemeld">{formatDate(group.created_at)}</Row>
        <Row label="Goedgekeurd">{formatDate(group.approved_at)}</Row>
        <Row label="Gedragsregels">
          {group.accepted_rules ? `Geaccepteerd op ${formatDate(group.accepted_rules_at)}` : "Niet geaccepteerd"}
        </Row>
      </Container>
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h2">Beheerder</Heading>
            <Text size="small" className="text-ui-fg-subtle">Alleen zichtbaar voor medewerkers, nooit op de site.</Text>
          </div>
          <EditGroupDrawer group={group} />
        </div>
        <Row label="Naam">{group.admin_name ?? ERASED}</Row>
        <Row label="E-mail">
          {group.admin_email ? (
            <a href={`mailto:${group.admin_email}`} className="text-ui-fg-interactive">{group.admin_email}</a>
          ) : (
            ERASED
          )}
        </Row>
        <Row label="Telefoon">{group.admin_phone ?? ERASED}</Row>
      </Container>
      <MessagingSection group={group} />
    </div>
  )
}

/**
 * Messages between group admins (issue 30): the admin's own setting, and staff's block,
 * which holds for every group of this admin. Blocking needs a reason (BLOCK_REASON_MIN
 * characters, as the route checks) and a confirmation. "Gemelde berichten" links here
 * (`#berichten`), so the section scrolls into view. Reports: /admin-messages.
 */
const MessagingSection = ({ group }: { group: AdminGroup }) => {
  const setBlock = useSetMessagingBlock()
  const prompt = usePrompt()
  const { hash } = useLocation()
  const section = useRef<HTMLDivElement>(null)
  const [reason, setReason] = useState("")
  const blocked = Boolean(group.messaging_blocked)
  const block = group.messaging_block ?? null
  const reasonProblem = blocked ? null : blockReasonProblem(reason)
  useEffect(() => {
    if (hash === `#${MESSAGING_SECTION_ID}`) section.current?.scrollIntoView({ block: "start" })
  }, [hash])
  const submit = async () => {
    if (!blocked) {
      const confirmed = await prompt({
        title: "Berichten blokkeren?",
        description: `De beheerder van "${group.name}" kan dan geen berichten meer sturen aan andere beheerders, ook niet vanuit andere groepen. Berichten ontvangen blijft mogelijk. Reden: ${reason.trim()}`,
        confirmText: "Blokkeren",
        cancelText: "Annuleren",
      })
      if (!confirmed) return
    }
    setBlock.mutate(
      { id: group.id, blocked: !blocked, reason },
      {
        onSuccess: () => {
          setReason("")
          toast.success(blocked ? "De beheerder kan weer berichten sturen" : "De beheerder kan geen berichten meer sturen")
        },
        onError: (error) => toast.error(errorMessage(error)),
      }
    )
  }
  return (
    <Container ref={section} id={MESSAGING_SECTION_ID} className="divide-y p-0" aria-labelledby="messaging-heading" data-testid="messaging-section">
      <div className="px-6 py-4">
        <Heading level="h2" id="messaging-heading">Berichten tussen beheerders</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Een blokkade geldt voor alle groepen van deze beheerder: sturen kan dan niet meer, ontvangen wel (als de beheerder dat aanzette).{" "}
          <Link to="/admin-messages" className="text-ui-fg-interactive">Gemelde berichten</Link>
        </Text>
      </div>
      <Row label="Berichten ontvangen">{group.admin_messages_enabled ? "Aan (door de beheerder)" : "Uit"}</Row>
      <Row label="Berichten sturen">{blocked ? "Geblokkeerd" : "Toegestaan"}</Row>
      {blocked && (
        <>
          <Row label="Geblokkeerd sinds">{block ? formatDate(block.created_at) : "onbekend"}</Row>
          <Row label="Reden van de blokkade">{block?.reason ?? "niet opgegeven"}</Row>
        </>
      )}
      <div className="flex flex-wrap items-end gap-3 px-6 py-4">
        {!blocked && (
          <div className="flex min-w-64 flex-1 flex-col gap-1">
            <Label htmlFor="messaging-block-reason" size="small">Reden van de blokkade (verplicht)</Label>
            <Input
              id="messaging-block-reason"
              size="small"
              value={reason}
              maxLength={BLOCK_REASON_MAX}
              required
              aria-describedby="messaging-block-reason-hint"
              onChange={(e) => setReason(e.target.value)}
            />
            <Text id="messaging-block-reason-hint" size="xsmall" className="text-ui-fg-subtle">
              Minstens {BLOCK_REASON_MIN} tekens. Alleen medewerkers zien de reden; de beheerder niet.
            </Text>
          </div>
        )}
        <Button
          size="small"
          variant={blocked ? "secondary" : "danger"}
          isLoading={setBlock.isPending}
          disabled={Boolean(reasonProblem)}
          title={reasonProblem ?? undefined}
          onClick={submit}
        >
          {blocked ? "Blokkade opheffen" : "Berichten blokkeren"}
        </Button>
      </div>
    </Container>
  )
}

/** A registration or change that probably duplicates another group; only staff are told. */
const DuplicateNotice = ({ other, what }: { other: GroupReference; what: string }) => (
  <Container className="px-6 py-4" role="note">
    <Text size="small">
      <strong>Mogelijk dubbel.</strong> {what}{" "}
      <Link to={`/groups/${other.id}`} className="text-ui-fg-interactive">"{other.name}"</Link>{" "}
      ({groupStatusLabel(other.status)}): dezelfde naam voor een overlappende postcode. De beheerder weet
      dat niet; neem contact op als het om dezelfde groep gaat.
    </Text>
  </Container>
)

/**
 * The group admin's change of name or location, old → new. The public listing shows
 * the old values until staff approve; rejecting drops the change (and mails the reason).
 */
const PendingChangesSection = ({ group }: { group: AdminGroup }) => {
  const pending = group.pending_changes!
  const approve = useApproveGroupChanges()
  return (
    <Container className="divide-y p-0" aria-labelledby="pending-changes-heading">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h2" id="pending-changes-heading">Wijziging wacht op beoordeling</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Aangevraagd door de beheerder op {formatDate(pending.requested_at)}. Op de site staat de groep nog zoals eerst.
          </Text>
        </div>
        <div className="flex items-center gap-2">
          <Button
            size="small"
            isLoading={approve.isPending}
            onClick={() =>
              approve.mutate(group, {
                onSuccess: () => toast.success("Wijziging overgenomen; de groep staat nu zo op de site"),
                onError: (error) => toast.error(errorMessage(error)),
              })
            }
          >
            Wijziging goedkeuren
          </Button>
          <RejectChangesDrawer group={group} />
        </div>
      </div>
      {pending.possible_duplicate_of && (
        <div className="px-6 py-3">
          <Text size="small">
            <strong>Mogelijk dubbel:</strong> de nieuwe naam is die van{" "}
            <Link to={`/groups/${pending.possible_duplicate_of.id}`} className="text-ui-fg-interactive">
              "{pending.possible_duplicate_of.name}"
            </Link>{" "}
            voor een overlappende postcode.
          </Text>
        </div>
      )}
      <table className="w-full text-left">
        <caption className="sr-only">Velden die veranderen, oud en nieuw</caption>
        <thead>
          <tr>
            <th scope="col" className="px-6 py-2"><Text size="small" weight="plus">Veld</Text></th>
            <th scope="col" className="px-6 py-2"><Text size="small" weight="plus">Nu op de site</Text></th>
            <th scope="col" className="px-6 py-2"><Text size="small" weight="plus">Nieuw</Text></th>
          </tr>
        </thead>
        <tbody>
          {pending.changes.map((change) => (
            <tr key={change.field} className="border-t">
              <th scope="row" className="px-6 py-2 font-normal"><Text size="small">{CHANGE_FIELD_LABELS[change.field] ?? change.field}</Text></th>
              <td className="px-6 py-2"><Text size="small"><del>{formatChangeValue(change.from)}</del></Text></td>
              <td className="px-6 py-2"><Text size="small"><ins className="no-underline font-medium">{formatChangeValue(change.to)}</ins></Text></td>
            </tr>
          ))}
        </tbody>
      </table>
    </Container>
  )
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-2 items-start px-6 py-3">
    <Text size="small" weight="plus">{label}</Text>
    <Text size="small">{children}</Text>
  </div>
)

const ModerationActions = ({ group }: { group: AdminGroup }) => {
  const approve = useApproveGroup()
  const archive = useArchiveGroup()
  const prompt = usePrompt()

  const onArchive = async () => {
    const confirmed = await prompt({
      title: "Groep archiveren?",
      description: `"${group.name}" verdwijnt uit het overzicht. Goedkeuren zet de groep later weer terug.`,
      confirmText: "Archiveren",
      cancelText: "Annuleren",
    })
    if (!confirmed) return
    archive.mutate(group.id, {
      onSuccess: () => toast.success("Groep gearchiveerd"),
      onError: (error) => toast.error(errorMessage(error)),
    })
  }

  return (
    <>
      {group.status !== "approved" && (
        <Button
          size="small"
          isLoading={approve.isPending}
          onClick={async () => {
            // a far point (the warning above) needs a second look before the group goes on the map
            if (!(await confirmFarPointApproval(prompt, group))) return
            approve.mutate(group, {
              onSuccess: () => toast.success("Groep goedgekeurd; de beheerder krijgt een e-mail"),
              onError: (error) => toast.error(errorMessage(error)),
            })
          }}
        >
          Goedkeuren
        </Button>
      )}
      {(group.status === "pending" || group.status === "approved") && <RejectDrawer group={group} />}
      {group.status !== "archived" && (
        <Button size="small" variant="secondary" isLoading={archive.isPending} onClick={onArchive}>
          Archiveren
        </Button>
      )}
    </>
  )
}

type RejectMutation = ReturnType<typeof useRejectGroup> | ReturnType<typeof useRejectGroupChanges>

/**
 * A drawer that asks for a reason and rejects: the registration (reason required, at
 * least 3 characters) or a pending change (reason optional). The group admin gets the
 * reason by e-mail either way.
 */
const RejectReasonDrawer = ({
  group,
  reject,
  trigger,
  title,
  label,
  minLength,
  rows,
  done,
}: {
  group: AdminGroup
  reject: RejectMutation
  trigger: string
  title: string
  label: string
  minLength: number
  rows: number
  done: string
}) => {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState("")
  const fieldId = `reject-reason-${minLength ? "group" : "changes"}`

  const submit = () =>
    reject.mutate(
      { group, reason },
      {
        onSuccess: () => {
          toast.success(done)
          setOpen(false)
          setReason("")
        },
        onError: (error) => {
          toast.error(errorMessage(error))
          // the group changed since staff opened it: close, so they read it again first
          if (isGroupChanged(error)) setOpen(false)
        },
      }
    )

  return (
    <FormDrawer
      open={open}
      onOpenChange={setOpen}
      trigger={<Button size="small" variant="danger">{trigger}</Button>}
      title={title}
      bodyClassName="flex flex-col gap-2"
      submit={{ label: "Afwijzen", variant: "danger", disabled: reason.trim().length < minLength, onClick: submit, isLoading: reject.isPending }}
    >
      <Label htmlFor={fieldId}>{label}</Label>
      <Textarea id={fieldId} rows={rows} value={reason} onChange={(e) => setReason(e.target.value)} />
    </FormDrawer>
  )
}

const RejectDrawer = ({ group }: { group: AdminGroup }) => (
  <RejectReasonDrawer
    group={group}
    reject={useRejectGroup()}
    trigger="Afwijzen"
    title={`"${group.name}" afwijzen`}
    label="Reden (de beheerder krijgt deze tekst per e-mail)"
    minLength={3}
    rows={6}
    done="Groep afgewezen; de beheerder krijgt de reden per e-mail"
  />
)

const RejectChangesDrawer = ({ group }: { group: AdminGroup }) => (
  <RejectReasonDrawer
    group={group}
    reject={useRejectGroupChanges()}
    trigger="Wijziging afwijzen"
    title={`Wijziging van "${group.name}" afwijzen`}
    label="Reden (optioneel; de beheerder krijgt een korte e-mail, met deze tekst)"
    minLength={0}
    rows={5}
    done="Wijziging afgewezen; de groep blijft zoals hij was"
  />
)

/** Shown where the admin's contact data was erased on their request (Mijn groep → Verwijder mijn gegevens). */
const ERASED = <span className="text-ui-fg-muted">verwijderd op verzoek</span>

type EditForm = Record<"name" | "slug" | "woonplaats" | "gemeente" | "postcodes" | "member_count" | "admin_name" | "admin_email" | "admin_phone", string>

const EDIT_FIELDS: { key: keyof EditForm; label: string }[] = [
  { key: "name", label: "Naam van de groep" },
  { key: "slug", label: "Slug (adres van de groepspagina)" },
  { key: "woonplaats", label: "Woonplaats" },
  { key: "gemeente", label: "Gemeente" },
  { key: "postcodes", label: "Postcodes (vier cijfers, met komma's)" },
  { key: "member_count", label: "Aantal leden" },
  { key: "admin_name", label: "Naam beheerder" },
  { key: "admin_email", label: "E-mail beheerder" },
  { key: "admin_phone", label: "Telefoon beheerder" },
]

const toForm = (group: AdminGroup): EditForm => ({
  name: group.name,
  slug: group.slug,
  woonplaats: group.woonplaats,
  gemeente: group.gemeente,
  postcodes: group.postcodes.join(", "),
  member_count: String(group.member_count),
  admin_name: group.admin_name ?? "",
  admin_email: group.admin_email ?? "",
  admin_phone: group.admin_phone ?? "",
})

const EditGroupDrawer = ({ group }: { group: AdminGroup }) => {
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState<EditForm>(() => toForm(group))
  const update = useUpdateGroup()

  const submit = () => {
    const initial = toForm(group)
    const changed: AdminGroupEdit = {}
    for (const { key } of EDIT_FIELDS) {
      if (form[key] === initial[key]) continue
      if (key === "postcodes") changed.postcodes = form.postcodes.split(/[,\s]+/).filter(Boolean)
      else if (key === "member_count") changed.member_count = Number(form.member_count)
      else changed[key] = form[key]
    }
    update.mutate(
      { id: group.id, update: changed },
      {
        onSuccess: () => {
          toast.success("Groep opgeslagen")
          setOpen(false)
        },
        // The API names every wrong field in Dutch in its message.
        onError: (error) => toast.error(errorMessage(error)),
      }
    )
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={(next) => {
        if (next) setForm(toForm(group))
        setOpen(next)
      }}
      trigger={<Button size="small" variant="secondary">Bewerken</Button>}
      title="Groep bewerken"
      submit={{ label: "Opslaan", onClick: submit, isLoading: update.isPending }}
    >
      {EDIT_FIELDS.map(({ key, label }) => (
        <div key={key} className="flex flex-col gap-1">
          <Label htmlFor={`group-${key}`}>{label}</Label>
          <Input
            id={`group-${key}`}
            value={form[key]}
            onChange={(e) => setForm({ ...form, [key]: e.target.value })}
          />
        </div>
      ))}
    </FormDrawer>
  )
}

export default GroupDetailPage
