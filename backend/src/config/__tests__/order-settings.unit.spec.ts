import {
  ConfigError,
  readCheckoutLimitSettings,
  readInvoiceApprovalSettings,
  readMessageReportLookupLimitPerAddress,
  readNearbyGroupsLimitPerAccount,
  readRegistrationLimitPerAddress,
} from "../env"

describe("readInvoiceApprovalSettings", () => {
  it("reminds staff after 3 days and expires after 7 by default", () => {
    expect(readInvoiceApprovalSettings({})).toEqual({ reminderDays: 3, expireDays: 7 })
    expect(readInvoiceApprovalSettings({ INVOICE_APPROVAL_REMINDER_DAYS: "5", INVOICE_APPROVAL_EXPIRE_DAYS: "10" })).toEqual({ reminderDays: 5, expireDays: 10 })
  })

  it("refuses nonsense and an expiry that does not come after the reminder", () => {
    expect(() => readInvoiceApprovalSettings({ INVOICE_APPROVAL_EXPIRE_DAYS: "0" })).toThrow(ConfigError)
    expect(() => readInvoiceApprovalSettings({ INVOICE_APPROVAL_REMINDER_DAYS: "twee" })).toThrow("INVOICE_APPROVAL_REMINDER_DAYS must be a whole number")
    expect(() => readInvoiceApprovalSettings({ INVOICE_APPROVAL_REMINDER_DAYS: "7", INVOICE_APPROVAL_EXPIRE_DAYS: "7" })).toThrow(
      "INVOICE_APPROVAL_EXPIRE_DAYS (7) must be more than INVOICE_APPROVAL_REMINDER_DAYS (7)"
    )
  })
})

describe("readCheckoutLimitSettings", () => {
  it("allows 10 orders per address an hour, 5 per e-mail address an hour and 15 a day by default", () => {
    expect(readCheckoutLimitSettings({})).toEqual({ perAddressHour: 10, perEmailHour: 5, perEmailDay: 15 })
    expect(readCheckoutLimitSettings({ ORDER_LIMIT_PER_ADDRESS: "30", ORDER_LIMIT_PER_EMAIL: "2", ORDER_LIMIT_PER_EMAIL_DAY: "4" })).toEqual({
      perAddressHour: 30,
      perEmailHour: 2,
      perEmailDay: 4,
    })
  })

  it("refuses nonsense and a day budget below the hour's", () => {
    expect(() => readCheckoutLimitSettings({ ORDER_LIMIT_PER_ADDRESS: "-1" })).toThrow(ConfigError)
    expect(() => readCheckoutLimitSettings({ ORDER_LIMIT_PER_EMAIL: "6", ORDER_LIMIT_PER_EMAIL_DAY: "5" })).toThrow(
      "ORDER_LIMIT_PER_EMAIL_DAY (5) must be at least ORDER_LIMIT_PER_EMAIL (6)"
    )
  })
})

describe("readRegistrationLimitPerAddress", () => {
  it("is 5 group registrations per address per hour unless set", () => {
    expect(readRegistrationLimitPerAddress({})).toBe(5)
    expect(readRegistrationLimitPerAddress({ GROUP_REGISTRATION_LIMIT_PER_ADDRESS: "10000" })).toBe(10000)
  })
  it("refuses what is no positive whole number", () => {
    for (const value of ["0", "-1", "vijf", "2.5"]) {
      expect(() => readRegistrationLimitPerAddress({ GROUP_REGISTRATION_LIMIT_PER_ADDRESS: value })).toThrow(ConfigError)
    }
  })
})

describe("readNearbyGroupsLimitPerAccount", () => {
  it("is 120 nearby lists per admin per 10 minutes unless set", () => {
    expect(readNearbyGroupsLimitPerAccount({})).toBe(120)
    expect(readNearbyGroupsLimitPerAccount({ NEARBY_GROUPS_LIMIT_PER_ACCOUNT: "100000" })).toBe(100000)
  })
  it("refuses what is no positive whole number", () => {
    for (const value of ["0", "-1", "veel", "2.5"]) {
      expect(() => readNearbyGroupsLimitPerAccount({ NEARBY_GROUPS_LIMIT_PER_ACCOUNT: value })).toThrow(ConfigError)
    }
  })
})

describe("readMessageReportLookupLimitPerAddress", () => {
  it("is 30 report-link lookups per address per hour unless set", () => {
    expect(readMessageReportLookupLimitPerAddress({})).toBe(30)
    expect(readMessageReportLookupLimitPerAddress({ MESSAGE_REPORT_LOOKUP_LIMIT_PER_ADDRESS: "100000" })).toBe(100000)
  })
  it("refuses what is no positive whole number", () => {
    for (const value of ["0", "-1", "dertig", "2.5"]) {
      expect(() => readMessageReportLookupLimitPerAddress({ MESSAGE_REPORT_LOOKUP_LIMIT_PER_ADDRESS: value })).toThrow(ConfigError)
    }
  })
})
