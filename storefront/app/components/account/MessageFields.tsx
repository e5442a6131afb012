import { useState } from "react";
import { CharacterCount } from "~/components/form/CharacterCount";
import { Field, fieldId } from "~/components/form/Field";
import { TextAreaField } from "~/components/form/FormControls";
import { FIRST_NAME_MAX, lengthHint, MESSAGE_MAX } from "~/lib/admin-messages/admin-messages";
import type { FieldErrors } from "~/lib/form-errors";

type MessageFieldsProps = {
  errors: FieldErrors;
  values: { first_name?: string; message?: string };
  /** Label of the text (default "Je bericht"). */
  messageLabel?: string;
  /** What to write, said before the limit (which is always named: the field cuts longer text). */
  messageHint?: string;
  maxLength?: number;
};

/**
 * Your first name and the text: the fields of every message between admins (a message, a
 * reply, a warning). The receiver sees the first name and your group, never your e-mail
 * address or phone number. The text's hint names its limit ("maximaal 2.000 tekens": the
 * field's maxLength cuts a longer paste, stranger's walk); with JavaScript a count under it.
 */
export function MessageFields({ errors, values, messageLabel = "Je bericht", messageHint, maxLength = MESSAGE_MAX }: MessageFieldsProps) {
  const [length, setLength] = useState((values.message ?? "").length);
  const limit = lengthHint(maxLength);
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
      <div>
        <TextAreaField
          name="message"
          label={messageLabel}
          required
          rows={7}
          maxLength={maxLength}
          defaultValue={values.message ?? ""}
          onChange={(event) => setLength(event.currentTarget.value.length)}
          error={errors.message}
          hint={messageHint ? `${messageHint} ${limit}` : `${limit} Geen uitnodigingslinks van WhatsApp-groepen.`}
        />
        <CharacterCount id={`${fieldId("message")}-count`} length={length} max={maxLength} />
      </div>
    </>
  );
}
