import type { WithdrawalOutcome } from "~/lib/withdrawal/withdrawal.server";

const HEADINGS: Record<WithdrawalOutcome["situation"], string> = {
  unpaid: "Je bestelling is geannuleerd",
  paid: "Je krijgt je geld terug",
  shipped: "Stuur de artikelen terug",
  shipped_unpaid: "Stuur de artikelen terug",
};

/**
 * What happens after a withdrawal, in the words of the acknowledgement e-mail (the backend
 * chooses them by the order's state): on the page after "Bevestig herroeping" and on the
 * order page. No "mail ons": the withdrawal is done, these are only the next steps.
 */
export function WithdrawalNextSteps({ outcome, headingLevel = 3 }: { outcome: WithdrawalOutcome; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="mt-6 text-slate-800" data-testid="withdrawal-next-steps" data-situation={outcome.situation}>
      <Heading className="text-lg font-bold text-slate-900">
        {outcome.situation === "unpaid" && !outcome.order_canceled ? "Je bestelling wordt geannuleerd" : HEADINGS[outcome.situation]}
      </Heading>
      <ul role="list" className="mt-2 list-disc space-y-1 pl-6">
        {outcome.next_steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
    </div>
  );
}
