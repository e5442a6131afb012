import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import NeighbourhoodGroupModule from "../modules/neighbourhood-group"

/**
 * A group admin's account: the Medusa customer that manages a group on "Mijn groep".
 * One customer may manage several groups (one e-mail address, one login); a group
 * has at most one admin account. Created when staff approve the group
 * (workflows/my-group/steps/ensure-group-admin-account.ts), dismissed when the admin
 * asks for their data to be removed.
 */
export default defineLink(CustomerModule.linkable.customer, {
  linkable: NeighbourhoodGroupModule.linkable.neighbourhoodGroup,
  isList: true,
})
