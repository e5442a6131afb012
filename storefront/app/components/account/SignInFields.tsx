import { Field } from "~/components/form/Field";
import { FormMessage } from "~/components/account/AccountLayout";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import type { FieldErrors } from "~/lib/form-errors";

type SignInFieldsProps = {
  /** The action's answer: per-field errors, `_` for the form as a whole, and the e-mail typed. */
  actionData?: { errors: FieldErrors; values: { email: string } };
};

/** E-mail and password with their errors: the fields of every sign-in form (group admins, notice accounts). */
export function SignInFields({ actionData }: SignInFieldsProps) {
  const errors: FieldErrors = actionData?.errors ?? {};
  const fieldErrors = (["email", "password"] as const).filter((f) => errors[f]).map((f) => [f, errors[f]!] as [string, string]);
  return (
    <>
      {errors._ ? <FormMessage kind="error">{errors._}</FormMessage> : null}
      <ErrorSummary errors={fieldErrors} submissionKey={actionData} />
      <Field
        name="email"
        type="email"
        label="E-mailadres"
        autoComplete="username"
        required
        defaultValue={actionData?.values.email ?? ""}
        error={errors.email}
      />
      <Field name="password" type="password" label="Wachtwoord" autoComplete="current-password" required error={errors.password} />
    </>
  );
}
