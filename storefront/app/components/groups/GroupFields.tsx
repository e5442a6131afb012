import { Field } from "~/components/form/Field";
import { MAX_GROUP_MEMBERS } from "~/lib/groups/group-forms";

type GroupFieldProps = { defaultValue: string; error?: string };

/** The group's PC4 postcodes, as registration and "Mijn groep" both ask for them. */
export function PostcodesField({ defaultValue, error }: GroupFieldProps) {
  return (
    <Field
      name="postcodes"
      label="Postcodes van je buurt"
      required
      defaultValue={defaultValue}
      error={error}
      hint="De vier cijfers van de postcodes waar je groep actief is, gescheiden door komma's. Bijvoorbeeld: 3581, 3582."
    />
  );
}

/** The number of members, 1 up to WhatsApp's limit. */
export function MemberCountField({ defaultValue, error }: GroupFieldProps) {
  return (
    <Field
      name="member_count"
      type="number"
      inputMode="numeric"
      min={1}
      max={MAX_GROUP_MEMBERS}
      label="Aantal leden"
      required
      defaultValue={defaultValue}
      error={error}
      hint={`Ongeveer is goed. Een WhatsApp-groep heeft hoogstens ${MAX_GROUP_MEMBERS} leden.`}
      className="max-w-xs"
    />
  );
}
