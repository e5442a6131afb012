// Kept for the checkout routes, which import the field from here; new code imports components/form/Field.
export * from "./form/Field";
