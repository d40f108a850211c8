// Public surface of the notifications module (a leaf anyone may call). SMS today; in-app and email with issue 4.
export { fileSmsGateway, memorySmsGateway, type SmsGateway, type SmsMessage } from './sms'
