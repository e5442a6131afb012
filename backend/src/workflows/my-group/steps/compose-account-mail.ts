import type { CreateNotificationDTO, IAuthModuleService, INotificationModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateJwtToken, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GroupAdminCustomerLink from "../../../links/group-admin-customer"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import {
  accountSetPasswordMail,
  accountSignInMail,
  GROUP_MAIL_TEMPLATES,
  SET_PASSWORD_LINK_DAYS,
  type MailContent,
} from "../../groups/emails"
import { readShopSettings } from "../../../config/env"
import { GROUP_ADMIN_AUTH_PROVIDER } from "./ensure-group-admin-account"

/** Storefront paths of the account pages (storefront/app/routes/…). */
export const accountUrls = (storefrontUrl: string, email: string, token?: string) => ({
  signIn: `${storefrontUrl}/inloggen`,
  forgotPassword: `${storefrontUrl}/wachtwoord-vergeten`,
  setPassword: token
    ? `${storefrontUrl}/wachtwoord-instellen?token=${encodeURIComponent(token)}&email=${encodeURIComponent(email)}`
    : "",
})

type Compensation = { jti: string; entity_id: string } | null

export const composeGroupAccountMailStepId = "compose-group-account-mail"

/**
 * The account e-mail after approval. An admin without a password yet gets a link to
 * set one: a token of Medusa's own reset-password flow (single use, stored hashed by
 * the Auth Module, consumed by `POST /auth/customer/emailpass/update`), valid for
 * SET_PASSWORD_LINK_DAYS instead of Medusa's 15 minutes, because it arrives unasked.
 * An admin who already signs in (a second group) is told where to find the group.
 * Nothing when the group is no longer approved or the mail went out already
 * (a repeated event must not invalidate the mailed token by issuing a new one).
 */
export const composeGroupAccountMailStep = createStep(
  composeGroupAccountMailStepId,
  async (input: { id: string }, { container }) => {
    const groups: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const none = new StepResponse<CreateNotificationDTO[], Compensation>([], null)

    const group = await groups.retrieveNeighbourhoodGroup(input.id)
    if (group.status !== "approved" || !group.admin_email) return none
    const idempotencyKey = `group-account:${group.id}:${group.approved_at ? new Date(group.approved_at).toISOString() : ""}`
    if ((await notifications.listNotifications({ idempotency_key: idempotencyKey } as any, { select: ["id"] })).length) return none

    const { data: links } = await query.graph({
      entity: GroupAdminCustomerLink.entryPoint,
      fields: ["customer.id", "customer.email"],
      filters: { neighbourhood_group_id: group.id },
    })
    const email: string | undefined = (links[0] as any)?.customer?.email
    if (!email) return none
    const [identity] = await auth.listProviderIdentities(
      { entity_id: email, provider: GROUP_ADMIN_AUTH_PROVIDER },
      { select: ["id", "entity_id", "provider_metadata"] }
    )
    if (!identity) return none

    const settings = readShopSettings()
    let content: MailContent
    let template: string
    let compensation: Compensation = null
    if (typeof identity.provider_metadata?.password === "string") {
      template = GROUP_MAIL_TEMPLATES.accountSignIn
      content = accountSignInMail(group as any, accountUrls(settings.storefrontUrl, email))
    } else {
      const ttlSeconds = SET_PASSWORD_LINK_DAYS * 24 * 60 * 60
      const { jti } = await auth.createPasswordResetToken({ provider: GROUP_ADMIN_AUTH_PROVIDER, entity_id: email, ttl_seconds: ttlSeconds })
      compensation = { jti, entity_id: email }
      const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
      // the same claims as Medusa's generateResetPasswordTokenWorkflow, so its update route accepts it
      const token = generateJwtToken(
        { entity_id: email, provider: GROUP_ADMIN_AUTH_PROVIDER, actor_type: "customer", purpose: "reset" },
        { secret: http.jwtSecret, expiresIn: `${ttlSeconds}s`, jwtOptions: { ...(http.jwtOptions ?? {}), jwtid: jti } }
      )
      template = GROUP_MAIL_TEMPLATES.accountSetPassword
      content = accountSetPasswordMail(group as any, accountUrls(settings.storefrontUrl, email, token) as any)
    }
    const notification: CreateNotificationDTO = {
      to: email,
      channel: "email",
      template,
      content,
      data: { group_id: group.id, group_name: group.name, subject: content.subject },
      trigger_type: "neighbourhood_group.account",
      resource_id: group.id,
      resource_type: "neighbourhood_group",
      idempotency_key: idempotencyKey,
    }
    return new StepResponse([notification], compensation)
  },
  async (compensation, { container }) => {
    if (!compensation) return
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    await auth
      .consumePasswordResetToken({ jti: compensation.jti, provider: GROUP_ADMIN_AUTH_PROVIDER, entity_id: compensation.entity_id })
      .catch(() => undefined)
  }
)
