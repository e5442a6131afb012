import { z } from "@medusajs/framework/zod"

/** Medusa's AdminInviteAccept body, as its admin page sends it (the address is the sign-up's). */
export const AdminAcceptStaffInvite = z.object({
  email: z.string().max(254).optional(),
  first_name: z.string().trim().max(100, "Een voornaam is hoogstens 100 tekens lang").nullish(),
  last_name: z.string().trim().max(100, "Een achternaam is hoogstens 100 tekens lang").nullish(),
})

export const AdminAcceptStaffInviteQuery = z.object({
  token: z.string({ error: "De link in de uitnodiging is niet compleet" }).min(1, "De link in de uitnodiging is niet compleet").max(4096),
})
