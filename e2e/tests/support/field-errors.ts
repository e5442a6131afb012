import { expect, type Locator, type Page } from "@playwright/test"

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * An error shown where it belongs: the control is marked invalid, its accessible
 * description (aria-describedby: hint and error) says `message`, and the error summary
 * (components/form ErrorSummary) lists the message with a link to the control.
 */
export async function expectErrorAtField(page: Page, control: Locator, message: string | RegExp) {
  await expect(control).toHaveAttribute("aria-invalid", "true")
  await expect(control).toHaveAccessibleDescription(typeof message === "string" ? new RegExp(escaped(message)) : message)
  const id = await control.getAttribute("id")
  const link = typeof message === "string" ? { name: message, exact: true } : { name: message }
  await expect(page.getByTestId("error-summary").getByRole("link", link)).toHaveAttribute("href", `#${id}`)
}
