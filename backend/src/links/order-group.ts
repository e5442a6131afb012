import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import NeighbourhoodGroupModule from "../modules/neighbourhood-group"

/**
 * An order placed for a neighbourhood group: a group has many orders, an order at most
 * one group (`group.orders`, `order.neighbourhood_group` in query.graph). Created when
 * the cart completes (src/workflows/hooks/order-group.ts). No deleteCascade: removing a
 * group must never delete orders (the anonymous order history stays).
 */
export default defineLink(NeighbourhoodGroupModule.linkable.neighbourhoodGroup, {
  linkable: OrderModule.linkable.order,
  isList: true,
})
