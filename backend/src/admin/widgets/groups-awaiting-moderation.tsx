import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { UsersSolid } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useGroupsWithChangesCount, usePendingGroupCount } from "../lib/groups"

/**
 * On the orders list (the admin's start page): how many registered groups, and how
 * many changes of name or location, await moderation, with links to them. Hidden
 * when there are none.
 */
const GroupsAwaitingModerationWidget = () => {
  const { data: count } = usePendingGroupCount()
  const { data: changes } = useGroupsWithChangesCount()
  return (
    <>
      {count ? <RegistrationsAwaiting count={count} /> : null}
      {changes ? <ChangesAwaiting count={changes} /> : null}
    </>
  )
}

/** A banner with how many items wait and a link to review them. */
const Awaiting = ({ heading, text, to }: { heading: string; text: string; to: string }) => (
  <Container className="flex items-center justify-between gap-4 px-6 py-4">
    <div className="flex items-center gap-3">
      <UsersSolid className="text-ui-fg-subtle" />
      <div>
        <Heading level="h2">{heading}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {text}
        </Text>
      </div>
    </div>
    <Button size="small" variant="secondary" asChild>
      <Link to={to}>Beoordelen</Link>
    </Button>
  </Container>
)

const RegistrationsAwaiting = ({ count }: { count: number }) => (
  <Awaiting
    heading={count === 1 ? "1 buurtgroep wacht op beoordeling" : `${count} buurtgroepen wachten op beoordeling`}
    text="Nieuwe aanmeldingen staan pas op de kaart als ze zijn goedgekeurd."
    to="/groups?status=pending"
  />
)

const ChangesAwaiting = ({ count }: { count: number }) => (
  <Awaiting
    heading={count === 1 ? "1 wijziging van een buurtgroep wacht op beoordeling" : `${count} wijzigingen van buurtgroepen wachten op beoordeling`}
    text="Een nieuwe naam of plek staat pas op de site als je hem hebt goedgekeurd."
    to="/groups?status=changes"
  />
)

export const config = defineWidgetConfig({
  zone: "order.list.before",
})

export default GroupsAwaitingModerationWidget
