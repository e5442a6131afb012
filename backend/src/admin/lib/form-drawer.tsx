import { Button, Drawer } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * The admin's form drawers (new notice, new account, edit group, reject with a reason):
 * a trigger button, a title, the form, and a footer where "Annuleren" closes the
 * drawer without saving and the submit button saves, showing the request in progress.
 */
export const FormDrawer = ({
  open,
  onOpenChange,
  trigger,
  title,
  bodyClassName = "flex flex-col gap-4 overflow-y-auto",
  submit,
  children,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** the button that opens the drawer */
  trigger: ReactNode
  title: string
  bodyClassName?: string
  submit: { label: string; onClick: () => void; isLoading: boolean; variant?: "primary" | "danger"; disabled?: boolean }
  children: ReactNode
}) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Trigger asChild>{trigger}</Drawer.Trigger>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title>{title}</Drawer.Title>
      </Drawer.Header>
      <Drawer.Body className={bodyClassName}>{children}</Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary">Annuleren</Button>
        </Drawer.Close>
        <Button size="small" variant={submit.variant ?? "primary"} disabled={submit.disabled} isLoading={submit.isLoading} onClick={submit.onClick}>
          {submit.label}
        </Button>
      </Drawer.Footer>
    </Drawer.Content>
  </Drawer>
)
