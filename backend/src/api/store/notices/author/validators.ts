import { z } from "@medusajs/framework/zod"
import { noticeShape, withPeriod, withTarget } from "../../../utils/notice-fields"

/** POST /store/notices/author/notices: a wijkagent/municipality account signs with its organisation. */
export const AuthorCreateNotice = withPeriod(withTarget(z.object(noticeShape).strict(), true), true)
export type AuthorCreateNoticeType = z.infer<typeof AuthorCreateNotice>
