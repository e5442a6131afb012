/**
 * Bodies of Medusa's e-mail + password routes (`/auth/:actor_type/emailpass…`), checked
 * before Medusa sees them so that a form gets a Dutch message per field instead of
 * Medusa's single English one. Whether a password is right stays Medusa's answer (401).
 * Not strict: Medusa's own clients may send more.
 */
import { z } from "@medusajs/framework/zod"
import { passwordProblem } from "../../lib/password"
import { emailField } from "./fields"

/** POST /auth/:actor_type/emailpass: only presence and shape. */
export const SignInBody = z.object({
  email: emailField("Vul je e-mailadres in"),
  password: z.string({ error: "Vul je wachtwoord in" }).min(1, "Vul je wachtwoord in"),
})

/** POST /auth/:actor_type/emailpass/reset-password */
export const ResetPasswordBody = z.object({ identifier: emailField("Vul je e-mailadres in") })

/** POST /auth/customer/emailpass/update: a group admin's new password (src/lib/password.ts). */
export const NewPasswordBody = z.object({
  password: z.string({ error: "Kies een wachtwoord" }).superRefine((password, ctx) => {
    const problem = passwordProblem(password)
    if (problem) ctx.addIssue({ code: "custom", message: problem })
  }),
})
