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

  it("leaves a refused cart quantity to its line on the cart page, and shows the line's other notices", () => {
    const refused = renderToStaticMarkup(
      <NoticeToast notice={{ kind: "error", message: "Er zijn er nog maar 120 op voorraad.", line: { id: "cali_1", typed: "999" } }} noticeKey="1" />,
    );
    expect(refused).not.toContain("voorraad");
    const updated = renderToStaticMarkup(<NoticeToast notice={{ kind: "info", message: "Aantal bijgewerkt.", line: { id: "cali_1" } }} noticeKey="1" />);
    expect(updated).toContain("Aantal bijgewerkt.");
  });

  it("goes away while a new cart change is sent: its answer replaces it", () => {
    const html = renderToStaticMarkup(<NoticeToast notice={{ kind: "info", message: "Aantal bijgewerkt." }} noticeKey="1" replaced />);
    expect(html).not.toContain("Aantal bijgewerkt.");
    expect(html).toContain('role="status"');
  });
});

describe("the notice's close button", () => {
  it("is not in the server's page: without JavaScript it could not close anything (stranger's walk)", () => {
    const html = renderToStaticMarkup(<NoticeToast notice={{ kind: "info", message: "Opgeslagen." }} noticeKey="1" />);
    expect(html).toContain("Opgeslagen.");
    expect(html).not.toContain("Melding sluiten");
  });
});
