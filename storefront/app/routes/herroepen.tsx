import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Button } from "~/components/Button";
import { Field } from "~/components/form/Field";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import { WithdrawalNextSteps } from "~/components/WithdrawalNextSteps";
import { privatePageHeaders, withRetryAfter } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";
import type { FieldErrors } from "~/lib/form-errors";
import { readForm } from "~/lib/form.server";
import { formatDateTime, formatDay, withdrawalSchema } from "~/lib/withdrawal/withdrawal";
import { confirmWithdrawal, lookupWithdrawal, type WithdrawableOrder, type WithdrawalOutcome } from "~/lib/withdrawal/withdrawal.server";
import { refusalInit } from "~/lib/backend/backend.server";

/**
 * "Overeenkomst herroepen" (EU Directive 2023/2673): step 1 asks for the order number
 * and e-mail address, step 2 shows what will be withdrawn and asks for "Bevestig
 * herroeping", step 3 shows when the withdrawal was received (the e-mail confirms it).
 * Plain form posts, so it works without JavaScript. Without a matching number and
 * address the backend's answer is neutral: nobody learns which orders exist.
 */

export const meta: MetaFunction = () => [{ title: pageTitle("Overeenkomst herroepen") }, { name: "robots", content: "noindex" }];
export const headers = withRetryAfter(privatePageHeaders);

type Values = { order_number: string; email: string };
type ActionData =
  | { step: "form"; errors: FieldErrors; values: Values }
  | { step: "confirm"; order: WithdrawableOrder; values: Values }
  | { step: "done"; displayId: number; outcome: WithdrawalOutcome; already: boolean; email: string };

export function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const number = params.get("bestelling") ?? "";
  // The confirmation mail's link carries the address too, so the shopper only confirms.
  const email = withdrawalSchema.shape.email.safeParse(params.get("email") ?? "");
  return { orderNumber: /^\d{1,9}$/.test(number) ? number : "", email: email.success ? email.data : "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await readForm(request, ["order_number", "email"], withdrawalSchema);
  const { values, text } = parsed;
  const back = (errors: FieldErrors, status = 400, retryAfter: number | null = null) =>
    data<ActionData>({ step: "form", errors, values }, refusalInit({ status, retryAfter }, status));
  if (!parsed.ok) return back(parsed.errors);

  if (text("intent") === "confirm") {
    const answer = await confirmWithdrawal(parsed.value);
    if (answer.status === "withdrawn") {
      const { display_id, already_withdrawn, ...outcome } = answer.withdrawal;
      return data<ActionData>({ step: "done", displayId: display_id, outcome, already: already_withdrawn, email: parsed.value.email });
    }
    if (answer.status === "rate_limited") return back({ _: answer.message }, 429, answer.retryAfter);
    return back({ _: answer.message }, answer.status === "refused" ? 400 : 404);
  }

  const answer = await lookupWithdrawal(parsed.value);
  if (answer.status === "rate_limited") return back({ _: answer.message }, 429, answer.retryAfter);
  if (answer.status === "not_matched") return back({ _: answer.message }, 404);
  const { order } = answer;
  if (order.withdrawal) {
    return data<ActionData>({ step: "done", displayId: order.display_id, outcome: order.withdrawal, already: true, email: parsed.value.email });
  }
  if (!order.may_withdraw) return back({ _: order.refusal ?? "Deze bestelling kan niet meer worden herroepen." });
  return data<ActionData>({ step: "confirm", order, values: { order_number: String(order.display_id), email: parsed.value.email } });
}

/** Moves focus to the new step's heading after a client-side step change (screen readers hear it). */
function useFocusOnChange<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [key]);
  return ref;
}

export default function WithdrawalPage() {
  const { orderNumber, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const headingRef = useFocusOnChange<HTMLHeadingElement>(result);
  const step = result?.step ?? "form";

  return (
    <AccountLayout
      title="Overeenkomst herroepen"
      crumbs={[{ label: "Retourneren en herroepen", to: "/retourneren" }, { label: "Overeenkomst herroepen" }]}
      intro={
        <p>
          Je mag een bestelling zonder opgave van reden herroepen tot 14 dagen nadat je haar hebt ontvangen, en ook al
          eerder, zolang ze nog onderweg is. Dat kan hier, in twee stappen.
        </p>
      }
    >
      {step === "done" && result?.step === "done" ? (
        <section aria-labelledby="herroeping-ontvangen" data-testid="withdrawal-done">
          <h2 id="herroeping-ontvangen" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-slate-900">
            {result.already ? "Deze bestelling is al herroepen" : "Je herroeping is ontvangen"}
          </h2>
          <FormMessage kind="info">
            <p data-testid="withdrawal-received-at">
              We hebben je herroeping van bestelling <strong>#{result.displayId}</strong> ontvangen op{" "}
              <strong>{formatDateTime(result.outcome.withdrawn_at)}</strong>.
            </p>
            <p className="mt-2">
              {result.already
                ? "Je kreeg daarvan toen een bevestiging per e-mail; je hoeft niets opnieuw te doen."
                : `We hebben een bevestiging gestuurd naar ${result.email}. Bewaar die e-mail goed.`}
            </p>
          </FormMessage>
          <WithdrawalNextSteps outcome={result.outcome} />
        </section>
      ) : step === "confirm" && result?.step === "confirm" ? (
        <section aria-labelledby="bevestigen">
          <p className="text-sm font-semibold text-slate-700">Stap 2 van 2</p>
          <h2 id="bevestigen" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-slate-900">
            Bevestig je herroeping van bestelling #{result.order.display_id}
          </h2>
          <p className="mt-3 text-slate-800">Je herroept de overeenkomst voor de hele bestelling:</p>
          <ul role="list" className="mt-2 list-disc space-y-1 pl-6 text-slate-800" data-testid="withdrawal-items">
            {result.order.items.map((item, i) => (
              <li key={i}>
                {item.quantity} × {item.title}
                {item.variant_title ? ` (${item.variant_title})` : ""}
              </li>
            ))}
          </ul>
          {result.order.period_last_day ? (
            <p className="mt-3 text-slate-800">Dat kan tot en met {formatDay(result.order.period_last_day)}.</p>
          ) : null}
          <Form method="post" className="mt-6 flex flex-wrap items-center gap-x-6 gap-y-3" aria-label="Herroeping bevestigen">
            <input type="hidden" name="order_number" value={result.values.order_number} />
            <input type="hidden" name="email" value={result.values.email} />
            <Button type="submit" name="intent" value="confirm" disabled={busy}>
              {busy ? "Bezig…" : "Bevestig herroeping"}
            </Button>
            <Link to={`/herroepen?bestelling=${result.order.display_id}`} className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
              Niet herroepen
            </Link>
          </Form>
        </section>
      ) : (
        <WithdrawalForm
          orderNumber={result?.step === "form" ? result.values.order_number : orderNumber}
          email={result?.step === "form" ? result.values.email : email}
          errors={result?.step === "form" ? result.errors : {}}
          busy={busy}
          headingRef={headingRef}
        />
      )}
    </AccountLayout>
  );
}

function WithdrawalForm({
  orderNumber,
  email,
  errors,
  busy,
  headingRef,
}: {
  orderNumber: string;
  email: string;
  errors: FieldErrors;
  busy: boolean;
  headingRef: React.RefObject<HTMLHeadingElement>;
}) {
  return (
    <section aria-labelledby="gegevens">
      <p className="text-sm font-semibold text-slate-700">Stap 1 van 2</p>
      <h2 id="gegevens" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-slate-900">
        Welke bestelling wil je herroepen?
      </h2>
      <Form method="post" noValidate className="mt-6 space-y-6" aria-label="Bestelling opzoeken om te herroepen">
        {errors._ ? <FormMessage kind="error">{errors._}</FormMessage> : null}
        <Field
          name="order_number"
          label="Bestelnummer"
          inputMode="numeric"
          autoComplete="off"
          required
          hint="Staat in de bevestigingsmail van je bestelling, bijvoorbeeld 1042."
          defaultValue={orderNumber}
          error={errors.order_number}
        />
        <Field
          name="email"
          type="email"
          label="E-mailadres van je bestelling"
          autoComplete="email"
          required
          defaultValue={email}
          error={errors.email}
        />
        <Button type="submit" name="intent" value="lookup" disabled={busy}>
          {busy ? "Bezig…" : "Verder naar bevestigen"}
        </Button>
      </Form>
    </section>
  );
}
