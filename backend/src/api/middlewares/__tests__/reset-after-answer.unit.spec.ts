/**
 * Issue 24, second look (item 4): the reset-password request must not tell known from unknown
 * addresses by its time. Structure, not timing: the 201 is sent before Medusa's workflow (token,
 * event, mail) starts, for every address, so nothing that differs between a known and an unknown
 * address runs before the answer. (Timing figures: security-second-look.spec.ts.)
 */
const events: string[] = []
jest.mock("@medusajs/medusa/core-flows", () => ({
  generateResetPasswordTokenWorkflow: () => ({
    run: async ({ input }: { input: { entityId: string } }) => {
      events.push(`workflow ${input.entityId}`)
      return { result: "token" }
    },
  }),
}))

import { resetPasswordAfterAnswer } from "../auth-accounts"

const scope = {
  resolve: (key: string) =>
    key === "configModule" ? { projectConfig: { http: { jwtSecret: "geheim", jwtOptions: {} } } } : { error: (line: string) => events.push(`log ${line}`) },
}

function request(identifier: string) {
  return { params: { actor_type: "customer", auth_provider: "emailpass" }, body: { identifier }, validatedBody: { identifier }, scope } as any
}
function response() {
  return { sendStatus: (status: number) => events.push(`answer ${status}`) } as any
}

describe("resetPasswordAfterAnswer", () => {
  beforeEach(() => (events.length = 0))

  it.each(["bekend@example.nl", "onbekend@example.nl"])("answers 201 for %s before any of the work runs", async (identifier) => {
    const next = jest.fn()
    resetPasswordAfterAnswer()(request(identifier), response(), next)
    // synchronously: only the answer
    expect(events).toEqual(["answer 201"])
    await new Promise((resolve) => setImmediate(resolve))
    await new Promise((resolve) => setImmediate(resolve))
    expect(events).toEqual(["answer 201", `workflow ${identifier}`])
    expect(next).not.toHaveBeenCalled()
  })

  it("leaves other providers and bodies to Medusa", () => {
    const next = jest.fn()
    resetPasswordAfterAnswer()({ ...request("x@example.nl"), params: { actor_type: "customer", auth_provider: "google" } }, response(), next)
    resetPasswordAfterAnswer()({ ...request("x@example.nl"), body: {}, validatedBody: { identifier: 5 } }, response(), next)
    expect(next).toHaveBeenCalledTimes(2)
    expect(events).toEqual([])
  })
})
