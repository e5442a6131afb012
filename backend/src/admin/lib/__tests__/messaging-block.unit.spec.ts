import { BLOCK_REASON_MIN, blockReasonProblem } from "../../../modules/admin-message/utils/block-reason"
import { messagingSectionHref } from "../groups"

describe("blocking an admin's messaging (stranger's walk: the reason was required without saying so)", () => {
  it("asks for a reason of at least 3 characters, spaces not counted", () => {
    expect(BLOCK_REASON_MIN).toBe(3)
    expect(blockReasonProblem("")).toBe("Geef de reden van de blokkade")
    expect(blockReasonProblem("   ")).toBe("Geef de reden van de blokkade")
    expect(blockReasonProblem(" ab ")).toBe("De reden van de blokkade is minstens 3 tekens lang")
    expect(blockReasonProblem("abc")).toBeNull()
    expect(blockReasonProblem("x".repeat(1001))).toBe("De reden mag hoogstens 1000 tekens lang zijn")
  })

  it("links a report to the sender group's blocking section", () => {
    expect(messagingSectionHref("nbgrp_1")).toBe("/groups/nbgrp_1#berichten")
    expect(messagingSectionHref("a/b")).toBe("/groups/a%2Fb#berichten")
  })
})
