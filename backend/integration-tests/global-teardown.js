// Jest globalTeardown of the integration specs: drop the run's migrated template (migrated-template.js).
const { TEMPLATE_ENV, dropTemplate } = require("./migrated-template")

module.exports = async function globalTeardown() {
  if (process.env[TEMPLATE_ENV]) await dropTemplate(process.env[TEMPLATE_ENV])
}
