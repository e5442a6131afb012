import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BellAlert } from "@medusajs/icons"
import {
  Button,
  Container,
  Heading,
  Label,
  Select,
  StatusBadge,
  Table,
  Text,
  Textarea,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { FormDrawer } from "../../lib/form-drawer"
import { formatDate } from "../../lib/format"
import { useDrawerForm } from "./drawer-form"
import {
  type AdminNotice,
  type Municipality,
  type NoticeInput,
  type NoticeStatus,
  STATUS_COLORS,
  STATUS_LABELS,
  useCreateNotice,
  useMunicipalities,
  useNotices,
  useWithdrawNotice,
} from "./notices-api"
import { AuthorsSection } from "./authors-section"
import { MunicipalityPicker } from "./municipality-picker"

const ALL = "all"

/**
 * Meldingen: notices for the groups in an area (municipalities and/or PC4 areas),
 * e.g. from the wijkagent. A current notice is e-mailed to every approved group
 * admin in the area once and shown on the group pages until it ends or is withdrawn.
 */
const NoticesPage = () => {
  const [status, setStatus] = useState<NoticeStatus | typeof ALL>(ALL)
  const { data, isLoading, isError } = useNotices(status === ALL ? undefined : status)
  const { data: municipalities = [] } = useMunicipalities()
  const names = useMemo(() => new Map(municipalities.map((m) => [m.code, m.name])), [municipalities])

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading>Meldingen</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Meldingen voor buurtgroepen in een gemeente of postcodegebied. Elke beheerder in het gebied krijgt een actuele
            melding één keer per e-mail; de melding staat op de groepspagina zolang ze geldt.
          </Text>
        </div>
        <div className="flex items-center gap-2">
          <Select size="small" value={status} onValueChange={(value) => setStatus(value as NoticeStatus | typeof ALL)}>
            <Select.Trigger aria-label="Toon meldingen met status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>Alle meldingen</Select.Item>
              {(Object.keys(STATUS_LABELS) as NoticeStatus[]).map((s) => (
                <Select.Item key={s} value={s}>
                  {STATUS_LABELS[s]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <CreateNoticeDrawer municipalities={municipalities} />
        </div>
      </div>
      {isError ? (
        <Text className="px-6 py-4" role="alert">De meldingen konden niet worden geladen.</Text>
      ) : isLoading ? (
        <Text className="px-6 py-4">Laden…</Text>
      ) : !data?.notices.length ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Geen meldingen.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Melding</Table.HeaderCell>
              <Table.HeaderCell>Gebied</Table.HeaderCell>
              <Table.HeaderCell>Periode</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Verstuurd</Table.HeaderCell>
              <Table.HeaderCell><span className="sr-only">Acties</span></Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.notices.map((notice) => (
              <NoticeRow key={notice.id} notice={notice} names={names} />
            ))}
          </Table.Body>
        </Table>
      )}
      <AuthorsSection municipalities={municipalities} />
    </Container>
  )
}

const NoticeRow = ({ notice, names }: { notice: AdminNotice; names: Map<string, string> }) => {
  const withdraw = useWithdrawNotice()
  const prompt = usePrompt()
  const area = [
    ...notice.municipality_codes.map((code) => (names.has(code) ? `${names.get(code)} (${code})` : `Gemeente ${code}`)),
    ...(notice.postcodes.length ? [`PC4 ${notice.postcodes.join(", ")}`] : []),
  ].join("; ")

  const onWithdraw = async () => {
    const confirmed = await prompt({
      title: "Melding intrekken?",
      description: `"${notice.title}" verdwijnt van de groepspagina's en wordt niet meer verstuurd. Dit kan niet ongedaan worden gemaakt.`,
      confirmText: "Intrekken",
      cancelText: "Annuleren",
    })
    if (!confirmed) return
    withdraw.mutate(notice.id, {
      onSuccess: () => toast.success("Melding ingetrokken"),
      onError: (error) => toast.error(error.message),
    })
  }

  return (
    <Table.Row>
      <Table.Cell className="max-w-xs">
        <div className="flex flex-col py-2">
          <Text size="small" weight="plus">{notice.title}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">Namens {notice.author_label}</Text>
        </div>
      </Table.Cell>
      <Table.Cell className="max-w-xs whitespace-normal">{area}</Table.Cell>
      <Table.Cell>
        <Text size="xsmall">{formatDate(notice.starts_at)}</Text>
        <Text size="xsmall">t/m {formatDate(notice.ends_at)}</Text>
      </Table.Cell>
      <Table.Cell>
        <StatusBadge color={STATUS_COLORS[notice.status]}>{STATUS_LABELS[notice.status]}</StatusBadge>
      </Table.Cell>
      <Table.Cell>{notice.delivery_count === 1 ? "1 beheerder" : `${notice.delivery_count} beheerders`}</Table.Cell>
      <Table.Cell>
        {notice.status === "current" || notice.status === "planned" ? (
          <Button size="small" variant="danger" isLoading={withdraw.isPending} onClick={onWithdraw}>
            Intrekken<span className="sr-only">: {notice.title}</span>
          </Button>
        ) : null}
      </Table.Cell>
    </Table.Row>
  )
}

type Form = Omit<NoticeInput, "municipality_codes">

const EMPTY: Form = { title: "", body: "", author_label: "Buurtpreventie Shop", postcodes: "", starts_at: "", ends_at: "" }

const CreateNoticeDrawer = ({ municipalities }: { municipalities: Municipality[] }) => {
  const { drawer, form, setForm, codes, setCodes, errors, setErrors, whenSaved, described, errorText, text } = useDrawerForm(
    EMPTY,
    "notice"
  )
  const create = useCreateNotice()
  const submit = () => {
    create.mutate(
      { ...form, municipality_codes: codes, starts_at: form.starts_at || undefined },
      whenSaved(({ notice, delivered }) =>
        notice.status === "current"
          ? `Melding geplaatst en naar ${delivered} ${delivered === 1 ? "beheerder" : "beheerders"} gestuurd`
          : "Melding gepland; ze wordt verstuurd zodra ze ingaat"
      )
    )
  }

  return (
    <FormDrawer
      {...drawer}
      trigger={<Button size="small">Nieuwe melding</Button>}
      title="Nieuwe melding"
      submit={{ label: "Plaatsen", onClick: submit, isLoading: create.isPending }}
    >
      {errors._ ? <Text role="alert" className="text-ui-fg-error">{errors._}</Text> : null}
      {text("title", "Titel", { maxLength: 120, placeholder: "Let op: insluipingen rond de Stationsstraat" })}
      <div className="flex flex-col gap-1">
        <Label htmlFor="notice-body">Melding (platte tekst)</Label>
        <Textarea id="notice-body" rows={6} maxLength={2000} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} {...described("body")} />
        {errorText("body")}
      </div>
      {text("author_label", "Namens (openbaar), bijvoorbeeld Wijkagent Utrecht-Oost", { maxLength: 80 })}
      <MunicipalityPicker
        idPrefix="notice"
        legend="Gemeenten"
        municipalities={municipalities}
        codes={codes}
        onChange={(next) => {
          setCodes(next)
          const { municipality_codes: _, ...rest } = errors
          setErrors(rest)
        }}
        error={errors.municipality_codes}
        onError={(message) => setErrors({ ...errors, municipality_codes: message })}
      />
      {text("postcodes", "Postcodegebieden (PC4, gescheiden door komma's), bijvoorbeeld 3581, 3582")}
      {text("starts_at", "Begint op (leeg: nu)", { type: "datetime-local" })}
      {text("ends_at", "Eindigt op", { type: "datetime-local" })}
    </FormDrawer>
  )
}

export const config = defineRouteConfig({
  label: "Meldingen",
  icon: BellAlert,
})

export default NoticesPage
