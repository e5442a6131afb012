import { Module } from "@medusajs/framework/utils"
import AreaNoticeModuleService from "./service"

export const AREA_NOTICE_MODULE = "areaNotice"

export default Module(AREA_NOTICE_MODULE, {
  service: AreaNoticeModuleService,
})

export type { AreaNoticeModuleService }
