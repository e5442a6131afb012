import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Sign-in now trims and lower-cases the address (src/api/middlewares/auth-accounts.ts),
 * so an e-mail + password login created earlier with capitals (e.g. a staff login from
 * `ADMIN_EMAIL=Beheer@…`) would no longer match. Runs once per database (Medusa records
 * migration scripts): lower-cases those logins, except where two logins differ only in
 * letter case; those are left for staff to merge (logged), rather than guessing whose
 * password wins.
 */
export default async function lowercaseLoginEmails({ container }: { container: MedusaContainer }) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { rows: clashes } = await knex.raw(
    `select lower(trim(entity_id)) as email from provider_identity
      where provider = 'emailpass' group by lower(trim(entity_id)) having count(*) > 1`
  )
  const { rowCount } = await knex.raw(
    `update provider_identity p set entity_id = lower(trim(p.entity_id))
      where p.provider = 'emailpass' and p.entity_id <> lower(trim(p.entity_id))
        and (select count(*) from provider_identity q where q.provider = p.provider and lower(trim(q.entity_id)) = lower(trim(p.entity_id))) = 1`
  )
  if (rowCount) logger.info(`Lower-cased the e-mail address of ${rowCount} login(s)`)
  // no addresses in the log (personal data): staff find them with the query above
  if (clashes.length) logger.warn(`${clashes.length} address(es) have several logins that differ only in letter case; sign-in uses the lower-case one`)
}
