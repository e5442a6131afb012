import { describe, expect, it } from "vitest";
import { quantitySchema } from "./validation";

describe("quantitySchema", () => {
  it("accepts whole numbers from 1 to 999", () => {
    expect(quantitySchema.parse("3")).toBe(3);
    expect(quantitySchema.safeParse("0").success).toBe(false);
    expect(quantitySchema.safeParse("1.5").success).toBe(false);
    expect(quantitySchema.safeParse("1000").success).toBe(false);
    expect(quantitySchema.safeParse("abc").success).toBe(false);
  });
});
