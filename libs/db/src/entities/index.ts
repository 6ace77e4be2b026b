import { BillingEvent, LoginToken, Session } from './account.entity';
import { ChangeRecord } from './change-record.entity';
import { Check } from './check.entity';
import { Document, DocumentEvent } from './document.entity';
import { DocumentIncident, EmailMessage } from './email-message.entity';
import { HostSlot } from './host-slot.entity';
import { LedgerKey, LedgerLeaf, LedgerNode, LedgerPending, LedgerTreeHead, Setting } from './ledger.entity';
import { Notification } from './notification.entity';
import { Platform } from './platform.entity';
import { Provision, VersionProvision } from './provision.entity';
import { Snapshot } from './snapshot.entity';
import { Follow, Subscriber } from './subscriber.entity';
import { Version } from './version.entity';
import { VersionPart } from './version-part.entity';

export * from './account.entity';
export * from './change-record.entity';
export * from './check.entity';
export * from './document.entity';
export * from './email-message.entity';
export * from './host-slot.entity';
export * from './ledger.entity';
export * from './notification.entity';
export * from './platform.entity';
export * from './provision.entity';
export * from './snapshot.entity';
export * from './subscriber.entity';
export * from './version.entity';
export * from './version-part.entity';

export const entities = [
  Platform,
  Document,
  Check,
  Snapshot,
  Version,
  VersionPart,
  Provision,
  VersionProvision,
  ChangeRecord,
  Subscriber,
  Follow,
  Notification,
  LedgerLeaf,
  LedgerPending,
  LedgerNode,
  LedgerTreeHead,
  LedgerKey,
  Setting,
  HostSlot,
  Session,
  LoginToken,
  BillingEvent,
  DocumentEvent,
  EmailMessage,
  DocumentIncident,
];
