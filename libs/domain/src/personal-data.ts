/**
 * Where a person's data sits in an event: the record holding it, its personal fields, and the
 * field naming whose data it is (domain.md §10 "Right to erasure").
 */
export interface PersonalRecord {
  /** Path from the event's data to the record; `[]` is the data itself, `'*'` walks an array. */
  at: readonly string[];
  /** The record's fields holding names, e-mail addresses or phone numbers. */
  fields: readonly string[];
  /** The record's field holding the e-mail address: the subject the data belongs to. */
  email: string;
  /** The record's field holding the person's user id, if any: erasure by user id finds them. */
  userId?: string;
}

/** A named person or a contact: name and address, subject by address. */
const contact = (at: string[], fields = ['email', 'name']): PersonalRecord => ({
  at,
  fields,
  email: 'email',
});

/**
 * Every event type carrying personal data of users and contacts, and where. The event store's
 * codec seals these fields per subject before the append; a type not listed carries none.
 */
export const PERSONAL_DATA: Readonly<Record<string, readonly PersonalRecord[]>> = {
  AgreementActivated: [contact(['serviceAdministrator']), contact(['namedContacts', '*'])],
  MemberInvited: [contact([])],
  InvitationAccepted: [{ at: [], fields: ['email'], email: 'email', userId: 'userId' }],
  CaseOpened: [contact(['onBehalfOf', 'partnerContact'], ['name', 'email', 'phone'])],
  OrganizationUpserted: [
    { at: ['administrators', '*'], fields: ['email'], email: 'email', userId: 'userId' },
  ],
  UserUpserted: [
    {
      at: [],
      fields: ['email', 'firstName', 'lastName', 'displayName'],
      email: 'email',
      userId: 'userId',
    },
  ],
  EmailStatusReported: [{ at: [], fields: ['email'], email: 'email', userId: 'userId' }],
  VerificationCodeIssued: [{ at: [], fields: ['email'], email: 'email', userId: 'userId' }],
  EmailSuppressionRecorded: [contact([], ['email'])],
  SuppressionRemoved: [contact([], ['email'])],
  // A publisher's support entry point is a business contact, but may name a person's mailbox.
  SubscriptionRegistered: [contact(['isvContact'], ['email', 'phone'])],
};

/** What every read shows in place of an erased person's field. */
export const ERASED = '[erased]';
