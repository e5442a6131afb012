import { describe, expect, it } from "vitest";
import { type AddFetcherView, cartStatus, PENDING_TITLE, submittedQuantity } from "./optimistic-cart";

const loader = { count: 2, notice: null, noticeKey: null };

function form(quantity: string, title = "Straatbord (40 x 60 cm)"): FormData {
  const data = new FormData();
  data.set("variantId", "variant_1");
  data.set("quantity", quantity);
  data.set(PENDING_TITLE, title);
  return data;
}

const idle: AddFetcherView = { state: "idle", submission: null };

describe("optimistic add to cart", () => {
  it("shows the loader's count and notice when nothing was added on this page", () => {
    const notice = { kind: "info" as const, message: "Hallo" };
    expect(cartStatus({ count: 2, notice, noticeKey: "k" }, idle)).toEqual({ count: 2, notice, noticeKey: "k", state: null });
  });

  it("adds the submitted quantity to the count and shows a pending notice at once", () => {
    const status = cartStatus(loader, { state: "submitting", formData: form("3"), submission: 1 });
    expect(status).toEqual({
      count: 5,
      notice: { kind: "added", title: "Straatbord (40 x 60 cm)", quantity: 3 },
      noticeKey: "add-1",
      state: "pending",
    });
  });

  it("confirms with the server's count and keeps the notice key (no second announcement)", () => {
    const data = { ok: true as const, count: 7, notice: { kind: "added" as const, title: "Straatbord (40 x 60 cm)", quantity: 3 } };
    const status = cartStatus(loader, { state: "loading", formData: form("3"), data, submission: 1 });
    expect(status).toEqual({ count: 7, notice: data.notice, noticeKey: "add-1", state: "confirmed" });
  });

  it("rolls the count back and shows the server's Dutch error when it refuses", () => {
    const data = { ok: false as const, message: "Er zijn er nog maar 4 op voorraad." };
    const status = cartStatus(loader, { state: "idle", data, submission: 2 });
    expect(status).toEqual({ count: 2, notice: { kind: "error", message: data.message }, noticeKey: "add-2", state: null });
  });

  it("does not guess for a quantity the server will refuse", () => {
    expect(cartStatus(loader, { state: "submitting", formData: form("0"), submission: 1 }).count).toBe(2);
    expect(cartStatus(loader, { state: "submitting", formData: form("1000"), submission: 1 }).count).toBe(2);
  });

  it("forgets an answer that belongs to an earlier page", () => {
    const data = { ok: false as const, message: "Oeps" };
    expect(cartStatus(loader, { state: "idle", data, submission: null }).notice).toBeNull();
  });

  it("reads only whole quantities from 1 to 999", () => {
    expect(submittedQuantity(form("12"))).toBe(12);
    expect(submittedQuantity(form("1.5"))).toBe(0);
    expect(submittedQuantity(form("abc"))).toBe(0);
    expect(submittedQuantity(undefined)).toBe(0);
  });
});
