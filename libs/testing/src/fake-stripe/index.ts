export { FakeStripe } from './fake-stripe.server';
export type { DeliveredEvent, WebhookDelivery } from './fake-stripe.server';
