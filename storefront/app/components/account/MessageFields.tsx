import { Field } from "~/components/form/Field";
import { TextAreaField } from "~/components/form/FormControls";
import { FIRST_NAME_MAX, MESSAGE_MAX } from "~/lib/admin-messages/admin-messages";
import type { FieldErrors } from "~/lib/form-errors";

type MessageFieldsProps = {
  errors: FieldErrors;
  values: { first_name?: string; message?: string };
  /** Label of the text (default "Je bericht"). */
  messageLabel?: string;
  messageHint?: string;
  maxLength?: number;
};

/**
 * Your first name and the text: the fields of every message between admins (a message, a
 * reply, a warning). The receiver sees the first name and your group, never your e-mail
 * address or phone number.
 */
export function MessageFields({ errors, values, messageLabel = "Je bericht", messageHint, maxLength = MESSAGE_MAX }: MessageFieldsProps) {
  return (
    <>
      <Field
        name="first_name"
        label="Je voornaam"
        autoComplete="given-name"
        required
        maxLength={FIRST_NAME_MAX}
        defaultValue={values.first_name ?? ""}
        error={errors.first_name}
        hint="De ontvanger ziet je voornaam en de naam van je groep. Geen e-mailadres of telefoonnummer."
      />
      <TextAreaField
        name="message"
        label={messageLabel}
        required
        rows={7}
        maxLength={maxLength}
        defaultValue={values.message ?? ""}
        error={errors.message}
        hint={messageHint ?? `Minstens 10 en hoogstens ${maxLength} tekens. Geen uitnodigingslinks van WhatsApp-groepen.`}
      />
    </>
  );
}
