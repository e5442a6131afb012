import { recipientGroupLabel, type RecipientGroupView } from "~/lib/admin-messages/admin-messages";

/**
 * The groups a warning the admin's group sent went to, by name and place, as a list under its
 * own label ("Verstuurd aan"), so a screen reader says how many there are. Only the sender's
 * own history holds them (the backend gives them to nobody else).
 */
export function RecipientGroups({ groups, id, className = "mt-2" }: { groups: readonly RecipientGroupView[]; id: string; className?: string }) {
  if (!groups.length) return null;
  return (
    <div className={className} data-testid="warning-recipients">
      <p id={id} className="text-sm font-semibold text-slate-800">
        Verstuurd aan
      </p>
      <ul aria-labelledby={id} className="list-disc pl-5 text-sm text-slate-800">
        {groups.map((g) => (
          <li key={g.id} className="break-words">
            {recipientGroupLabel(g)}
          </li>
        ))}
      </ul>
    </div>
  );
}
