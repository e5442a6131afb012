import { createHash, randomBytes } from "node:crypto"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normaliseEmail } from "../../../lib/email"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import {
  MAX_OPEN_REGISTRATIONS_PER_EMAIL,
  REGISTRATION_CONFIRM_HOURS,
} from "../../../modules/neighbourhood-group/models/group-registration"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { REGISTRATION_ALREADY_CONFIRMED, REGISTRATION_LINK_INVALID } from "../errors"
import type { GroupInput } from "./prepare-groups"

/** The link's secret: 256 random bits. Only its hash is stored. */
const newToken = () => randomBytes(32).toString("base64url")
export const hashRegistrationToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex")

const groups = (container: { resolve: (key: string) => unknown }) =>
  container.resolve(NEIGHBOURHOOD_GROUP_MODULE) as NeighbourhoodGroupModuleService

export type GroupRegistrationData = Omit<GroupInput, "status" | "slug" | "metadata" | "gemeente_code">

export const createGroupRegistrationStepId = "create-group-registration"

/**
 * Stores a registration until its admin confirms the address, and makes the link's token.
 * An address with MAX_OPEN_REGISTRATIONS_PER_EMAIL unconfirmed registrations gets no new
 * one (`token` null, nothing stored, no mail): nobody can fill a stranger's mailbox, and
 * the registrant's answer stays the same. Compensation deletes the registration.
 */
export const createGroupRegistrationStep = createStep(
  createGroupRegistrationStepId,
  async (input: GroupRegistrationData, { container }) => {
    const service = groups(container)
    const email = normaliseEmail(input.admin_email)
    if ((await service.countOpenGroupRegistrations(email)) >= MAX_OPEN_REGISTRATIONS_PER_EMAIL) {
      return new StepResponse({ id: null as string | null, token: null as string | null, email }, null as string | null)
    }
    const token = newToken()
    const registration = await service.createGroupRegistrations({
      token_hash: hashRegistrationToken(token),
      email,
      data: { ...input, admin_email: email } as unknown as Record<string, unknown>,
      expires_at: new Date(Date.now() + REGISTRATION_CONFIRM_HOURS * 3600_000),
    })
    return new StepResponse({ id: registration.id as string | null, token: token as string | null, email }, registration.id)
  },
  async (id, { container }) => {
    if (!id) return
    await groups(container).deleteGroupRegistrations(id)
  }
)

export const claimGroupRegistrationStepId = "claim-group-registration"

/**
 * Claims the registration of a confirmation link, once (see the service's
 * claimGroupRegistration). Refuses a link that is unknown or expired, and one that was
 * used already. Compensation gives the claim back, so a confirmation that fails later
 * (say, a postcode the reference data no longer knows) can be tried again.
 */
export const claimGroupRegistrationStep = createStep(
  claimGroupRegistrationStepId,
  async (input: { token: string }, { container }) => {
    const claim = await groups(container).claimGroupRegistration(hashRegistrationToken(input.token))
    if (claim.state === "confirmed") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Je aanmelding is al bevestigd.", REGISTRATION_ALREADY_CONFIRMED)
    }
    if (claim.state !== "claimed") {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Deze bevestigingslink is verlopen of ongeldig. Een link werkt ${REGISTRATION_CONFIRM_HOURS} uur; meld je groep opnieuw aan.`,
        REGISTRATION_LINK_INVALID
      )
    }
    return new StepResponse({ id: claim.id, data: claim.data as unknown as GroupRegistrationData }, claim.id)
  },
  async (id, { container }) => {
    if (!id) return
    await groups(container).unclaimGroupRegistration(id)
  }
)

export const finishGroupRegistrationStepId = "finish-group-registration"

/**
 * The group exists: the registration forgets its data (it lives in the group now) and
 * keeps only which group it became, to answer a second click until it expires.
 * Compensation puts the data back.
 */
export const finishGroupRegistrationStep = createStep(
  finishGroupRegistrationStepId,
  async (input: { id: string; group_id: string }, { container }) => {
    const service = groups(container)
    const previous = await service.retrieveGroupRegistration(input.id, { select: ["id", "data", "group_id"] })
    await service.updateGroupRegistrations({ id: input.id, group_id: input.group_id, data: null })
    return new StepResponse(undefined, { id: previous.id, data: previous.data, group_id: previous.group_id })
  },
  async (previous, { container }) => {
    if (!previous) return
    await groups(container).updateGroupRegistrations(previous)
  }
)

export const deleteExpiredGroupRegistrationsStepId = "delete-expired-group-registrations"

/**
 * Deletes registrations whose link expired, and the records of their confirmation
 * mails (the recipient's address): an unconfirmed registration leaves nothing behind.
 * Final, no compensation.
 */
export const deleteExpiredGroupRegistrationsStep = createStep(
  deleteExpiredGroupRegistrationsStepId,
  async (_: Record<string, never>, { container }) => {
    const ids = await groups(container).deleteExpiredGroupRegistrations(new Date())
    if (!ids.length) return new StepResponse({ deleted: 0, mails: 0 })
    const notifications = container.resolve(Modules.NOTIFICATION) as INotificationModuleService & {
      deleteNotifications(ids: string[]): Promise<void>
    }
    const records = await notifications.listNotifications({ resource_id: ids, resource_type: "group_registration" } as any, {
      select: ["id"],
    })
    if (records.length) await notifications.deleteNotifications(records.map((r) => r.id))
    return new StepResponse({ deleted: ids.length, mails: records.length })
  }
)
