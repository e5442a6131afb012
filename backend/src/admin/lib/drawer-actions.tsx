import { Button, Drawer } from "@medusajs/ui"

/**
 * The footer of the admin's form drawers: "Annuleren" closes the drawer without saving,
 * the submit button (`label`) saves and shows the request in progress.
 */
export const DrawerActions = ({
  label,
  onSubmit,
  isLoading,
  variant = "primary",
  disabled,
}: {
  label: string
  onSubmit: () => void
  isLoading: boolean
  variant?: "primary" | "danger"
  disabled?: boolean
}) => (
  <Drawer.Footer>
    <Drawer.Close asChild>
      <Button size="small" variant="secondary">Annuleren</Button>
    </Drawer.Close>
    <Button size="small" variant={variant} disabled={disabled} isLoading={isLoading} onClick={onSubmit}>
      {label}
    </Button>
  </Drawer.Footer>
)
