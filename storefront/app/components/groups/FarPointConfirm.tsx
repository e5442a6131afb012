import { CheckboxField } from "~/components/form/FormControls";

/** The backend's `code` when a group's point lies far from its postcodes and is not confirmed. */
export const FAR_POINT_CODE = "far_point";

/**
 * Registration: the point lies far from every one of the group's postcodes (a mis-tap on
 * a phone map?). The backend refuses it until this box is ticked; the warning with the
 * distance is the `lat` field's error, shown by the point picker and the error summary.
 * A plain checkbox in the form, so it works without JavaScript.
 */
export function FarPointConfirm({ show, checked, error }: { show: boolean; checked: boolean; error?: string }) {
  if (!show) return null;
  return (
    <div className="rounded-xl border-2 border-amber-500 bg-amber-50 p-4" data-testid="far-point-confirm">
      <p className="mb-3 font-semibold text-slate-900">Ligt je buurt echt op dat punt?</p>
      <CheckboxField
        name="confirm_far_point"
        value="on"
        defaultChecked={checked}
        error={error}
        label="Ja, het punt op de kaart klopt, ook al ligt het ver van de postcodes van de groep."
      />
    </div>
  );
}
