import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ADMIN_MESSAGE_RECEIVER_MESSAGE,
  ADMIN_MESSAGE_SENDER_MESSAGE,
  ADMIN_WARNING_MESSAGE,
  ADMIN_WARNING_REPEAT_MESSAGE,
  LIMITS,
} from "../../../api/middlewares/limits"
import { type Counted, consumeLimits, type Limit, peekLimits, refundLimits } from "../../../api/middlewares/rate-limit"
import { messagingError } from "../errors"

/** The budgets of admin messages (api/middlewares/limits.ts) with their Dutch refusal. */
const MESSAGING_LIMITS = {
  sender: { limit: LIMITS.adminMessageSender, message: ADMIN_MESSAGE_SENDER_MESSAGE },
  receiver: { limit: LIMITS.adminMessageReceiver, message: ADMIN_MESSAGE_RECEIVER_MESSAGE },
  warning: { limit: LIMITS.adminWarning, message: ADMIN_WARNING_MESSAGE },
  /** the same text again: a field error, not a wait (the first one went out) */
  warningRepeat: { limit: LIMITS.adminWarningRepeat, message: ADMIN_WARNING_REPEAT_MESSAGE, field: "message" },
} as const satisfies Record<string, { limit: Limit; message: (n: number) => string; field?: string }>

/** By name, not by object: step input is stored as data between steps. */
export type MessagingLimitCheck = { budget: keyof typeof MESSAGING_LIMITS; key: string }

function refusal(checks: MessagingLimitCheck[], index: number, seconds: number) {
  const budget = MESSAGING_LIMITS[checks[index].budget]
  if ("field" in budget) return messagingError(400, budget.message(), { field: budget.field })
  return messagingError(429, budget.message(Math.ceil(seconds / 60)), { retry_after: seconds })
}

/** Refuses, counting nothing, when one of the budgets is spent: before any expensive work. */
export async function assertMessagingLimitsLeft(checks: MessagingLimitCheck[]): Promise<void> {
  const result = await peekLimits(checks.map(({ budget, key }) => ({ limit: MESSAGING_LIMITS[budget].limit, key })))
  if (!result.ok) throw refusal(checks, result.index, result.retryAfterSeconds)
}

export const consumeMessagingLimitsStepId = "consume-admin-messaging-limits"

/**
 * Counts the message on the shop's limiter once it is known to be allowed, so a refused
 * message costs nothing. Over a budget: 429 with that budget's Dutch sentence and
 * Retry-After, nothing counted. Compensation gives the counts back when the message could
 * not be stored or mailed.
 */
export const consumeMessagingLimitsStep = createStep(
  consumeMessagingLimitsStepId,
  async (checks: MessagingLimitCheck[]) => {
    const result = await consumeLimits(checks.map(({ budget, key }) => ({ limit: MESSAGING_LIMITS[budget].limit, key })))
    if (!result.ok) throw refusal(checks, result.index, result.retryAfterSeconds)
    return new StepResponse(undefined, result.counted)
  },
  async (counted: Counted[] | undefined) => {
    if (counted?.length) await refundLimits(counted)
  }
)
