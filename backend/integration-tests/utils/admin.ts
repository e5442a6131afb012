import type { MedusaContainer } from "@medusajs/framework/types"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

export const STAFF_PASSWORD = "een-lang-wachtwoord"

/** A staff login through Medusa's own auth: register the identity, create the user, log in. */
export async function adminHeaders(api: any, container: MedusaContainer, email = "beheer@buurtpreventie.test") {
  const { data } = await api.post("/auth/user/emailpass/register", { email, password: STAFF_PASSWORD })
  const { auth_identity_id } = JSON.parse(Buffer.from(data.token.split(".")[1], "base64url").toString())
  await createUserAccountWorkflow(container).run({ input: { authIdentityId: auth_identity_id, userData: { email } } })
  const { data: login } = await api.post("/auth/user/emailpass", { email, password: STAFF_PASSWORD })
  return { headers: { authorization: `Bearer ${login.token}` } }
}
