import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acceptInviteWorkflow, acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { checkStaffInviteStep } from "./steps/check-staff-invite"
import { ensureStaffLoginStep } from "./steps/ensure-staff-login"

export const acceptStaffInviteWorkflowId = "accept-staff-invite"

export type AcceptStaffInviteInput = {
  invite_token: string
  /** the address and password of the sign-up (lib/staff-registration.ts) */
  email: string
  password: string
  first_name?: string | null
  last_name?: string | null
}

/**
 * A new colleague accepts a staff invite: one workflow that checks the invite token against
 * the signed-up address, makes (or, with its password, reuses) the login, and then runs
 * Medusa's own acceptance (user with the invite's roles, login linked, invite deleted,
 * `invite.accepted`). One acceptance per address at a time (a lock), so two tabs cannot
 * both make a login. Nothing is kept when a step fails.
 */
export const acceptStaffInviteWorkflow = createWorkflow(acceptStaffInviteWorkflowId, (input: AcceptStaffInviteInput) => {
  const lockKey = transform({ input }, ({ input }) => `staff-invite:${input.email}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })

  const invite = checkStaffInviteStep({ invite_token: input.invite_token, email: input.email })
  const login = ensureStaffLoginStep({ email: input.email, password: input.password })
  const users = acceptInviteWorkflow.runAsStep({
    input: transform({ input, invite, login }, ({ input, invite, login }) => ({
      invite_token: input.invite_token,
      auth_identity_id: login.auth_identity_id,
      user: { email: invite.email, first_name: input.first_name ?? null, last_name: input.last_name ?? null },
    })),
  })

  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ users }, ({ users }) => users[0]))
})
