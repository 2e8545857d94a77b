/** Notifications: templates, the transactional outbox, the dispatcher and its transports (README.md). */
export { type BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from './backoff';
export {
  type CustomerRecipient,
  type DeliveryPlan,
  planDeliveries,
  type Recipient,
  type StaffRecipient,
} from './channels';
export { DEFAULT_TEMPLATES, type DefaultTemplate, defaultTemplate } from './default-templates';
export { type DispatchSummary, type DispatcherOptions, NotificationDispatcher } from './dispatcher';
export { DeliveryError, TemplateError } from './errors';
export { DEFAULT_TIME_ZONE, type TemplateValue, type TemplateVariables } from './format';
export { maskContactDetails, maskRecipients, maskUrl } from './mask';
export { type EnqueuedNotification, enqueueNotification, type NotificationRequest } from './outbox';
export { placeholderNames, placeholdersOf, renderTemplate, type TemplateText } from './render';
export {
  type Audience,
  audienceOf,
  CUSTOMER_TEMPLATES,
  STAFF_TEMPLATES,
  TEMPLATE_KEYS,
  type TemplateKey,
} from './template-keys';
export { currentTemplate, type ResolvedTemplate, reviseTemplate, type TemplateRevision } from './templates';
export { closeTransports, createTransports } from './transports';
export { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from './webhook-signature';
