import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { HostSlots1795541049449 } from './1795541049449-host-slots';
import { LedgerAppend1796000000000 } from './1796000000000-ledger-append';
import { RecordChanges1796000000001 } from './1796000000001-record-changes';
import { VersionParts1797000000000 } from './1797000000000-version-parts';
import { ForeignKeys1797000000001 } from './1797000000001-foreign-keys';
import { EmailDelivery1797100000000 } from './1797100000000-email-delivery';
import { FollowsByClauseType1797100000001 } from './1797100000001-follows-by-clause-type';
import { WebAccounts1797200000000 } from './1797200000000-web-accounts';
import { DocumentHistory1797300000000 } from './1797300000000-document-history';
import { ProvisionSearch1797300000001 } from './1797300000001-provision-search';
import { LedgerKeyOutsideDatabase1797400000000 } from './1797400000000-ledger-key-outside-database';
import { ChangeSupersession1797500000000 } from './1797500000000-change-supersession';
import { LastOkCheck1797700000000 } from './1797700000000-last-ok-check';
import { UnfinishedEmails1797800000000 } from './1797800000000-unfinished-emails';
import { LedgerLeafVersion1797900000000 } from './1797900000000-ledger-leaf-version';
import { LedgerPending1798100000000 } from './1798100000000-ledger-pending';
import { DigestEntries1798200000000 } from './1798200000000-digest-entries';
import { ProvisionSupersession1798300000000 } from './1798300000000-provision-supersession';
import { VersionProvisionsNotify1798300000001 } from './1798300000001-version-provisions-notify';
import { VersionProvisionsUnique1798400000000 } from './1798400000000-version-provisions-unique';
import { NotificationsUngroupedAlerts1798400000001 } from './1798400000001-notifications-ungrouped-alerts';
import { LineageWriteCosts1798500000000 } from './1798500000000-lineage-write-costs';

/** Every migration, in order. `synchronize` is off: the schema only changes through these. */
export const migrations = [
  InitialSchema1764000000000,
  HostSlots1795541049449,
  LedgerAppend1796000000000,
  RecordChanges1796000000001,
  VersionParts1797000000000,
  ForeignKeys1797000000001,
  EmailDelivery1797100000000,
  FollowsByClauseType1797100000001,
  WebAccounts1797200000000,
  DocumentHistory1797300000000,
  ProvisionSearch1797300000001,
  LedgerKeyOutsideDatabase1797400000000,
  ChangeSupersession1797500000000,
  LastOkCheck1797700000000,
  UnfinishedEmails1797800000000,
  LedgerLeafVersion1797900000000,
  LedgerPending1798100000000,
  DigestEntries1798200000000,
  ProvisionSupersession1798300000000,
  VersionProvisionsNotify1798300000001,
  VersionProvisionsUnique1798400000000,
  NotificationsUngroupedAlerts1798400000001,
  LineageWriteCosts1798500000000,
];
