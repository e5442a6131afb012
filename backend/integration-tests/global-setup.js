// Jest globalSetup of the integration specs: migrate one database for the whole run (migrated-template.js).
const { TEMPLATE_ENV, createMigratedTemplate } = require("./migrated-template")

module.exports = async function globalSetup() {
  const started = Date.now()
  process.env[TEMPLATE_ENV] = await createMigratedTemplate()
  console.log(`\nMigrated the integration template ${process.env[TEMPLATE_ENV]} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
