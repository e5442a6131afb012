import { backendFetch, BackendError, toBackendFailure } from "../backend/backend.server";
import type { WithdrawalInput } from "./withdrawal";

/**
 * A recorded withdrawal: what it meant for the order (unpaid: cancelled; paid: refunded;
 * shipped: send back) and the next steps in the backend's words, the same as in the
 * acknowledgement e-mail (backend/src/workflows/orders/withdrawal-outcome.ts).
 */
export type WithdrawalOutcome = {
  withdrawn_at: string;
  period_last_day: string | null;
  situation: "unpaid" | "paid" | "shipped" | "shipped_unpaid";
  next_steps: string[];
  order_canceled: boolean;
};

/** The order as the confirmation step shows it (only for a matching number and e-mail address). */
export type WithdrawableOrder = {
  display_id: number;
  items: { title: string; variant_title: string | null; quantity: number }[];
  withdrawn_at: string | null;
  withdrawal: WithdrawalOutcome | null;
  may_withdraw: boolean;
  period_last_day: string | null;
  refusal: string | null;
};

/** The backend's 429 (too many tries from this address), with its Retry-After in seconds. */
export type RateLimited = { status: "rate_limited"; message: string; retryAfter: number | null };

export type LookupAnswer = { status: "found"; order: WithdrawableOrder } | { status: "not_matched"; message: string } | RateLimited;

export type WithdrawAnswer =
  | {
      status: "withdrawn";
      withdrawal: WithdrawalOutcome & { display_id: number; already_withdrawn: boolean };
    }
  | { status: "not_matched"; message: string }
  | { status: "refused"; message: string }
  | RateLimited;

function rateLimited(error: unknown): RateLimited | null {
  if (!(error instanceof BackendError) || error.status !== 429) return null;
  const failure = toBackendFailure(error);
  return { status: "rate_limited", message: failure.message, retryAfter: failure.retryAfter };
}

/** Step 1 → 2: what would be withdrawn (POST, so the e-mail address stays out of URLs). */
export async function lookupWithdrawal(input: WithdrawalInput): Promise<LookupAnswer> {
  try {
    return await backendFetch<LookupAnswer>("/store/withdrawals/lookup", { method: "POST", body: input });
  } catch (error) {
    const limited = rateLimited(error);
    if (limited) return limited;
    throw error;
  }
}

/** "Bevestig herroeping": records the withdrawal; a refusal (period over) comes back as a Dutch message. */
export async function confirmWithdrawal(input: WithdrawalInput): Promise<WithdrawAnswer> {
  try {
    return await backendFetch<WithdrawAnswer>("/store/withdrawals", { method: "POST", body: input });
  } catch (error) {
    if (error instanceof BackendError && error.status === 400 && error.message) return { status: "refused", message: error.message };
    const limited = rateLimited(error);
    if (limited) return limited;
    throw error;
  }
}
