import { Button, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { FormDrawer } from "../../lib/form-drawer"
import { useDrawerForm } from "./drawer-form"
import { MunicipalityPicker } from "./municipality-picker"
import {
  type Municipality,
  type NoticeAuthorInput,
  useCreateNoticeAuthor,
  useDisableNoticeAuthor,
  useNoticeAuthors,
} from "./notices-api"

/**
 * Meldingenaccounts: wijkagenten and municipalities that write notices themselves,
 * only for the municipalities staff allow them. They sign in with e-mail and password.
 */
export const AuthorsSection = ({ municipalities }: { municipalities: Municipality[] }) => {
  const { data: authors = [], isLoading } = useNoticeAuthors()
  const disable = useDisableNoticeAuthor()
  const prompt = usePrompt()
  const nameOf = (code: string) => municipalities.find((m) => m.code === code)?.name ?? code

  const onDisable = async (id: string, name: string) => {
    const confirmed = await prompt({
      title: "Account blokkeren?",
      description: `${name} kan daarna geen meldingen meer plaatsen. Geplaatste meldingen blijven staan.`,
      confirmText: "Blokkeren",
      cancelText: "Annuleren",
    })
    if (!confirmed) return
    disable.mutate(id, { onSuccess: () => toast.success("Account geblokkeerd"), onError: (e) => toast.error(e.message) })
  }

  return (
    <div>
      <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading level="h2">Meldingenaccounts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Wijkagenten en gemeenten die zelf meldingen plaatsen, alleen voor hun eigen gemeenten.
          </Text>
        </div>
        <CreateAuthorDrawer municipalities={municipalities} />
      </div>
      {isLoading ? (
        <Text className="px-6 py-4">Laden…</Text>
      ) : !authors.length ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Nog geen accounts.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Naam</Table.HeaderCell>
              <Table.HeaderCell>Organisatie (ondertekening)</Table.HeaderCell>
              <Table.HeaderCell>Gemeenten</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell><span className="sr-only">Acties</span></Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {authors.map((a) => (
              <Table.Row key={a.id}>
                <Table.Cell>
                  <Text size="small" weight="plus">{a.name}</Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">{a.email}</Text>
                </Table.Cell>
                <Table.Cell>{a.organisation}</Table.Cell>
                <Table.Cell className="whitespace-normal">{a.municipality_codes.map(nameOf).join(", ")}</Table.Cell>
                <Table.Cell>
                  {a.disabled_at ? <StatusBadge color="red">Geblokkeerd</StatusBadge> : <StatusBadge color="green">Actief</StatusBadge>}
                </Table.Cell>
                <Table.Cell>
                  {a.disabled_at ? null : (
                    <Button size="small" variant="secondary" onClick={() => onDisable(a.id, a.name)}>
                      Blokkeren<span className="sr-only">: {a.name}</span>
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  )
}

type Form = Omit<NoticeAuthorInput, "municipality_codes">
const EMPTY: Form = { name: "", email: "", organisation: "", password: "" }

const CreateAuthorDrawer = ({ municipalities }: { municipalities: Municipality[] }) => {
  const { drawer, form, codes, setCodes, errors, setErrors, whenSaved, text } = useDrawerForm(EMPTY, "author")
  const create = useCreateNoticeAuthor()

  const submit = () =>
    create.mutate({ ...form, municipality_codes: codes }, whenSaved(() => "Account aangemaakt. Geef het wachtwoord veilig door."))

  return (
    <FormDrawer
      {...drawer}
      trigger={<Button size="small" variant="secondary">Nieuw account</Button>}
      title="Nieuw meldingenaccount"
      submit={{ label: "Aanmaken", onClick: submit, isLoading: create.isPending }}
    >
      {text("name", "Naam")}
      {text("email", "E-mailadres (om in te loggen)", { type: "email", autoComplete: "off" })}
      {text("organisation", "Organisatie, staat onder de meldingen (bijvoorbeeld Wijkagent Utrecht-Oost)")}
      <MunicipalityPicker
        idPrefix="author"
        legend="Mag meldingen plaatsen voor"
        municipalities={municipalities}
        codes={codes}
        onChange={setCodes}
        error={errors.municipality_codes}
        onError={(message) => setErrors({ ...errors, municipality_codes: message })}
      />
      {text("password", "Eerste wachtwoord (minstens 12 tekens)", { type: "password", autoComplete: "new-password" })}
    </FormDrawer>
  )
}
