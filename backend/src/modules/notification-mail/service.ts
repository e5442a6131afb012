import fs from "node:fs/promises"
import path from "node:path"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import nodemailer from "nodemailer"
import { buildMailMessage } from "./message"

export type MailProviderOptions = {
  /** Absolute folder for .eml files (MAIL_DIR); used when smtpUrl is unset. */
  mailDir: string
  /** SMTP connection URL (SMTP_URL): send through it instead of writing files. */
  smtpUrl?: string
  /** Default sender (MAIL_FROM). */
  from: string
  /** Sender of the mails about neighbourhood groups (MAIL_FROM_GROUPS); unset: `from`. */
  fromGroups?: string
}

type Transporter = { sendMail(message: object): Promise<{ messageId: string; message?: unknown }> }

/**
 * E-mail for the Notification Module (channel "email"). Without SMTP_URL every mail
 * is written to MAIL_DIR as an RFC 822 `.eml` file (open it in any mail client);
 * with SMTP_URL it is sent. Both go through the same nodemailer message composer:
 * the file transport is nodemailer's streamTransport with `buffer: true`, which
 * yields the exact bytes SMTP would have sent.
 */
export class MailNotificationService extends AbstractNotificationProviderService {
  static identifier = "notification-mail"

  protected readonly options_: MailProviderOptions
  protected readonly logger_: Logger
  protected readonly transport_: Transporter

  static validateOptions(options: Record<string, unknown>) {
    if (!options?.smtpUrl && (typeof options?.mailDir !== "string" || !path.isAbsolute(options.mailDir))) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The mail provider needs an absolute `mailDir` or an `smtpUrl`")
    }
  }

  constructor({ logger }: { logger: Logger }, options: MailProviderOptions) {
    super()
    this.options_ = options
    this.logger_ = logger
    this.transport_ = options.smtpUrl
      ? (nodemailer.createTransport(options.smtpUrl) as unknown as Transporter)
      : (nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" }) as unknown as Transporter)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification?.to) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A mail needs a recipient (`to`)")
    }
    const message = buildMailMessage(notification, this.options_.from, this.options_.fromGroups)
    const info = await this.transport_.sendMail(message)
    if (this.options_.smtpUrl) {
      this.logger_.info(`Mail "${message.subject}" sent to ${message.to} (${info.messageId})`)
      return { id: info.messageId }
    }
    const file = await this.writeEml(info.message as Buffer, notification.template)
    this.logger_.info(`Mail "${message.subject}" for ${message.to} written to ${file}`)
    return { id: info.messageId }
  }

  /** Writes atomically (temp file + rename), so a reader never sees half a message. */
  protected async writeEml(raw: Buffer, template: string): Promise<string> {
    const dir = this.options_.mailDir
    await fs.mkdir(dir, { recursive: true })
    const stamp = new Date().toISOString().replace(/[:.]/g, "-")
    const slug = (template || "mail").replace(/[^a-z0-9-]+/gi, "-").slice(0, 40)
    const name = `${stamp}-${slug}-${Math.random().toString(36).slice(2, 8)}.eml`
    const tmp = path.join(dir, `.${name}.tmp`)
    await fs.writeFile(tmp, raw)
    await fs.rename(tmp, path.join(dir, name))
    return path.join(dir, name)
  }
}
