import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CART_ACTION_URL, type CartIntent } from "~/lib/cart/cart-intents";

/**
 * A change to the cart: a form posting its intent and fields to the one cart action
 * (POST /winkelmand/wijzigen, lib/cart/cart-action.server.ts). A plain form post without JavaScript; Remix's
 * Form with it. The action answers with a redirect (and a notice) to where the shopper goes next.
 * noValidate: the server checks the quantity and its Dutch error is shown at the line (as the
 * checkout's forms), never the browser's tooltip in the browser's language.
 */
export function CartForm({
  intent,
  fields = {},
  className,
  children,
}: {
  intent: Exclude<CartIntent, "add">;
  /** Hidden fields: the line, the group, where to go next… */
  fields?: Record<string, string>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" action={CART_ACTION_URL} className={className} noValidate>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  );
}
