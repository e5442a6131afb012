import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { CheckoutStepHeading, CheckoutSteps } from "~/components/CheckoutSteps";
import { CartError } from "~/lib/cart/cart.server";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { getShippingGroups, saveShipping } from "~/lib/checkout/checkout.server";
import { formatMoney } from "~/lib/format";
import { itemCountLabel } from "~/lib/cart/cart-count";
import { readForm } from "~/lib/form.server";
import { privatePageHeaders } from "~/lib/request/headers";

async function cartWithAddress(context: AppLoadContext) {
  const cart = await loadFromBackend(() => context.cart.load());
  if (!cart || cart.lines.length === 0) throw redirect("/winkelmand");
  if (!cart.hasShippingAddress) throw redirect("/afrekenen");
  return cart;
}

export async function loader({ context }: LoaderFunctionArgs) {
  const cart = await cartWithAddress(context);
  const groups = await loadFromBackend(() => getShippingGroups(cart.id));
  const chosen = new Set((cart.raw.shipping_methods ?? []).map((m) => m.shipping_option_id));
  // Units per shipment (a line of 4 signs is 4 artikelen), not lines.
  const quantities = new Map(cart.lines.map((line) => [line.id, line.quantity]));
  const units = Object.fromEntries(groups.map((g) => [g.profile_id, g.item_ids.reduce((sum, id) => sum + (quantities.get(id) ?? 0), 0)]));
  return { groups, chosen: [...chosen], units };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const cart = await cartWithAddress(context);
  const { text } = await readForm(request, []);
  const groups = await loadFromBackend(() => getShippingGroups(cart.id));
  const chosen = Object.fromEntries(groups.map((g) => [g.profile_id, text(`shipping_${g.profile_id}`)]));
  try {
    await loadFromBackend(() => saveShipping(cart.id, groups, chosen));
  } catch (error) {
    if (error instanceof CartError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
  return redirect("/afrekenen/betalen", 303);
}

export default function CheckoutShipping() {
  const { groups, chosen, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <CheckoutSteps current="verzending" reachable={["gegevens", "verzending"]} />
      <CheckoutStepHeading>Verzending</CheckoutStepHeading>
      {groups.length > 1 ? (
        <p className="mt-2 text-slate-700">Je bestelling gaat in {groups.length} zendingen. Kies per zending hoe we hem versturen.</p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="mt-4 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-900">
          {actionData.error}
        </p>
      ) : null}
      <Form method="post" className="mt-6 space-y-6">
        {groups.map((group) => (
          <fieldset key={group.profile_id} className="rounded-xl border border-slate-300 p-4">
            <legend className="px-1 font-semibold text-slate-900">
              {group.profile_name === "Brievenbuspost" ? "Stickers" : "Borden en pakketten"} ({itemCountLabel(units[group.profile_id] ?? 0)})
            </legend>
            {group.options.length === 0 ? (
              <p className="text-red-800">Naar dit land kunnen we deze producten niet versturen.</p>
            ) : (
              <div className="grid gap-2">
                {group.options.map((option, index) => (
                  <label
                    key={option.id}
                    className="flex cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-300 p-3 has-[:checked]:border-brand-blue has-[:checked]:bg-brand-blue-light"
                  >
                    <input
                      type="radio"
                      name={`shipping_${group.profile_id}`}
                      value={option.id}
                      required
                      defaultChecked={chosen.includes(option.id) || (index === 0 && !group.options.some((o) => chosen.includes(o.id)))}
                      className="h-5 w-5 accent-brand-blue"
                    />
                    <span className="flex-1">
                      <span className="block font-medium">{option.name}</span>
                      {option.description ? <span className="block text-sm text-slate-700">{option.description}</span> : null}
                    </span>
                    <span className="font-semibold">{option.amount === 0 ? "Gratis" : formatMoney(option.amount)}</span>
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        ))}
        <Button type="submit" disabled={navigation.state !== "idle"} className="text-lg">
          Verder naar betalen
        </Button>
      </Form>
    </>
  );
}

export const headers = privatePageHeaders;
