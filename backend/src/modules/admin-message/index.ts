import { Module } from "@medusajs/framework/utils"
import AdminMessageModuleService from "./service"

export const ADMIN_MESSAGE_MODULE = "adminMessage"

export default Module(ADMIN_MESSAGE_MODULE, {
  service: AdminMessageModuleService,
})

export type { AdminMessageModuleService }
