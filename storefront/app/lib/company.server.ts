import { type Company, DEFAULT_COMPANY } from "./site";

export type CompanyEnv = Record<string, string | undefined>;

function setting(value: string | undefined, fallback: string): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : fallback;
}

/**
 * Pure: the company details from an environment object; every missing or empty
 * COMPANY_* variable falls back to the fictional default in site.ts.
 */
export function parseCompany(env: CompanyEnv): Company {
  return {
    name: setting(env.COMPANY_NAME, DEFAULT_COMPANY.name),
    address: setting(env.COMPANY_ADDRESS, DEFAULT_COMPANY.address),
    postcode: setting(env.COMPANY_POSTCODE, DEFAULT_COMPANY.postcode),
    city: setting(env.COMPANY_CITY, DEFAULT_COMPANY.city),
    kvk: setting(env.COMPANY_KVK, DEFAULT_COMPANY.kvk),
    btw: setting(env.COMPANY_BTW, DEFAULT_COMPANY.btw),
    email: setting(env.COMPANY_EMAIL, DEFAULT_COMPANY.email),
    phone: setting(env.COMPANY_PHONE, DEFAULT_COMPANY.phone),
  };
}

let cached: Company | undefined;

/** The company details of this server, read from process.env once. */
export function getCompany(): Company {
  cached ??= parseCompany(process.env);
  return cached;
}
