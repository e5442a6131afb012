import { Module } from "@medusajs/framework/utils"
import NeighbourhoodGroupModuleService from "./service"

export const NEIGHBOURHOOD_GROUP_MODULE = "neighbourhoodGroup"

export default Module(NEIGHBOURHOOD_GROUP_MODULE, {
  service: NeighbourhoodGroupModuleService,
})

export type { NeighbourhoodGroupModuleService }
