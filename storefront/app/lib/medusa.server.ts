// Kept for the cart and checkout modules, which import the client from here; new code imports backend.server.
export { sdk } from "./backend.server";
