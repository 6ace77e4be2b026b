export { FakeResend } from './fake-resend.server';
export type { ReceivedEmail } from './fake-resend.server';
