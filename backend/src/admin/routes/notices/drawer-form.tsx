import { ExclamationCircle } from "@medusajs/icons"
import { Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { AdminApiError } from "../../lib/admin-api"

/**
 * A create form in a drawer (new notice, new account): fresh values and municipality
 * codes each time the drawer opens, and the API's per-field errors beside their fields
 * (ids `<idPrefix>-<field>`, errors `<idPrefix>-<field>-error`).
 */
export function useDrawerForm<F extends { [key: string]: string | undefined }>(empty: F, idPrefix: string) {
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState<F>(empty)
  const [codes, setCodes] = useState<string[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})

  const onOpenChange = (next: boolean) => {
    if (next) {
      setForm(empty)
      setCodes([])
      setErrors({})
    }
    setOpen(next)
  }
  /** Per-field errors go beside their fields, anything else into a toast. */
  const showError = (error: Error) => {
    if (error instanceof AdminApiError && Object.keys(error.errors).length) setErrors(error.errors)
    else toast.error(error.message)
  }
  /** Callbacks for the create mutation: on success a toast with `message` and the drawer closes; on failure showError. */
  const whenSaved = <R,>(message: (result: R) => string) => ({
    onSuccess: (result: R) => {
      toast.success(message(result))
      setOpen(false)
    },
    onError: showError,
  })
  /** aria-invalid and aria-describedby for the control of `key`. */
  const described = (key: string) => ({
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": errors[key] ? `${idPrefix}-${key}-error` : undefined,
  })
  const errorText = (key: string) =>
    errors[key] ? (
      <Text id={`${idPrefix}-${key}-error`} size="small" className="text-ui-fg-error flex items-center gap-1">
        <ExclamationCircle aria-hidden /> {errors[key]}
      </Text>
    ) : null
  /** A labelled text input for `key`, with its error. */
  const text = (key: keyof F & string, label: string, props: Record<string, unknown> = {}) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`${idPrefix}-${key}`}>{label}</Label>
      <Input
        id={`${idPrefix}-${key}`}
        value={form[key] ?? ""}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        {...described(key)}
        {...props}
      />
      {errorText(key)}
    </div>
  )

  return {
    drawer: { open, onOpenChange },
    form,
    setForm,
    codes,
    setCodes,
    errors,
    setErrors,
    showError,
    whenSaved,
    described,
    errorText,
    text,
  }
}
