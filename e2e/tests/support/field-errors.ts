import { expect, type Locator, type Page } from "@playwright/test"

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * An error shown where it belongs: the control is marked invalid, its accessible
 * description (aria-describedby: hint and error) says `message`, and the error summary
 * (components/form ErrorSummary) lists the message with a link to the control.
 */
export async function expectErrorAtField(page: Page, control: Locator, message: string) {
  await expect(control).toHaveAttribute("aria-invalid", "true")
  await expect(control).toHaveAccessibleDescription(new RegExp(escaped(message)))
  const id = await control.getAttribute("id")
  await expect(page.getByTestId("error-summary").getByRole("link", { name: message, exact: true })).toHaveAttribute("href", `#${id}`)
}
