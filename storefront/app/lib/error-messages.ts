/** Dutch texts for error pages, by HTTP status. */
export type ErrorText = { title: string; message: string };

export const BACKEND_UNAVAILABLE_MESSAGE =
  "De winkel is tijdelijk niet bereikbaar. Probeer het over een paar minuten opnieuw.";

/** A form post the backend could not handle now (5xx, unreachable); the input is kept. */
export const UNAVAILABLE_MESSAGE = "Dat lukte nu even niet. Probeer het over een paar minuten opnieuw.";

export function errorText(status: number): ErrorText {
  if (status === 404) {
    return {
      title: "Pagina niet gevonden",
      message: "Deze pagina bestaat niet (meer). Misschien is het adres verkeerd getypt of is de pagina verplaatst.",
    };
  }
  if (status === 503) {
    return {
      title: "De winkel is tijdelijk niet bereikbaar",
      message: "We kunnen de producten nu even niet ophalen. Probeer het over een paar minuten opnieuw.",
    };
  }
  return {
    title: "Er ging iets mis",
    message: "Er ging iets mis bij het laden van deze pagina. Probeer het later opnieuw.",
  };
}
