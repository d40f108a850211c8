// Public surface of the notifications module (a leaf anyone may call): the in-app inbox, e-mail and SMS notices
// sent by jobs after commit (outbox), the SMS and mail ports. See CONTEXT.md.
export { fileSmsGateway, memorySmsGateway, type SmsGateway, type SmsMessage } from './sms'
export { fileMailer, memoryMailer, smtpMailer, maskEmail, type Mailer, type MailMessage } from './mailer'
export { notify, DELIVER_QUEUE, type NoticeInput, type Channel } from './notify'
export { NOTICE_EVENTS, isNoticeEvent, renderNotice, type NoticeEvent } from './templates'
export { deliverNotification, type DeliveryDeps, type DeliveryOutcome } from './deliver'
export { registerNotificationJobs, NOTIFICATION_QUEUES, DEADLINE_WARNINGS_QUEUE, DEADLINE_WARNINGS_CRON } from './register-jobs'
export { listInbox, unreadCount, markMessageRead, type InboxMessage } from './inbox'
export { registerInboxRoutes, type InboxSeams } from './inbox-routes'
export type { Recipient } from './contacts'
