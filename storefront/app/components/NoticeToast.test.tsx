import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NoticeToast } from "./NoticeToast";

describe("the notice after a redirect", () => {
  it("takes the focus when it is the result of the form just sent: focusable, and focused by the browser on load without JavaScript", () => {
    const html = renderToStaticMarkup(<NoticeToast notice={{ kind: "info", message: "Je antwoord is verstuurd.", focus: true }} noticeKey="1" />);
    expect(html).toMatch(/<div[^>]*tabindex="-1"[^>]*autofocus=""[^>]*data-testid="notice"/);
    expect(html).toContain("Je antwoord is verstuurd.");
  });

  it("never takes the focus otherwise (a cart add, a plain notice)", () => {
    const plain = renderToStaticMarkup(<NoticeToast notice={{ kind: "info", message: "Opgeslagen." }} noticeKey="1" />);
    expect(plain).not.toMatch(/autofocus|tabindex/);
    expect(renderToStaticMarkup(<NoticeToast notice={null} noticeKey={null} />)).not.toMatch(/autofocus|tabindex/);
  });
});
