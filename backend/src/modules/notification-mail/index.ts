import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { MailNotificationService } from "./service"

/** Notification provider for channel "email"; registered in src/config/modules.ts. */
export default ModuleProvider(Modules.NOTIFICATION, {
  services: [MailNotificationService],
})
