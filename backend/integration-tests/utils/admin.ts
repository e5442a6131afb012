import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

export const STAFF_PASSWORD = "een-lang-wachtwoord"

/**
 * A staff login through Medusa's own auth: the identity (through the Auth Module, as
 * `medusa user` does: the HTTP sign-up only works with an open invite), the user, log in.
 */
export async function adminHeaders(api: any, container: MedusaContainer, email = "beheer@buurtpreventie.test") {
  const { authIdentity, error } = await container.resolve(Modules.AUTH).register("emailpass", { body: { email, password: STAFF_PASSWORD } } as any)
  if (!authIdentity) throw new Error(`Could not create the staff login ${email}: ${error}`)
  await createUserAccountWorkflow(container).run({ input: { authIdentityId: authIdentity.id, userData: { email } } })
  const { data: login } = await api.post("/auth/user/emailpass", { email, password: STAFF_PASSWORD })
  return { headers: { authorization: `Bearer ${login.token}` } }
}
