// Stable diagnostic codes. Quick fixes, tests and users' CI filters key on these: never rename one.

export const Code = {
  DocumentTooLarge: 'document-too-large',
  EmptyDocument: 'empty-document',
  EncryptedFile: 'encrypted-file',
  NotUtf8: 'not-utf8',
  /** The CLI only: a file or folder it was given or found that cannot be read (permissions, a FIFO, too large). */
  FileUnreadable: 'file-unreadable',
  NotWellFormed: 'xml-not-well-formed',
  DeclarationMissing: 'xml-declaration-missing',
  EncodingNotUtf8: 'xml-encoding-not-utf8',
  RootNotHsConfig: 'root-not-hs-config',
  UnknownElement: 'unknown-element',
  MisplacedElement: 'misplaced-element',
  DuplicateElement: 'duplicate-element',
  TooManyElements: 'too-many-elements',
  MissingElement: 'missing-element',
  UnexpectedText: 'unexpected-text',
  UnexpectedAttribute: 'unexpected-attribute',
  EmptyValue: 'empty-value',
  ValueTooLong: 'value-too-long',
  InvalidValue: 'invalid-value',
  ValueCase: 'value-case',
  IpeiInvalid: 'ipei-invalid',
  IpeiDecimal: 'ipei-decimal',
  IpeiFileNameMismatch: 'ipei-file-name-mismatch',
  ProfileUnknown: 'profile-unknown',
  /** A <profile_name> no base station could have (too long, a control character): one rule, domain/profileName.ts. */
  ProfileNameInvalid: 'profile-name-invalid',
  UserSettingsIgnored: 'user-settings-ignored',
  DuplicateUserId: 'duplicate-user-id',
  // Problems only the workspace folder shows (server/src/workspace/handsetIndex.ts).
  FolderDuplicateIpei: 'folder-duplicate-ipei',
  FolderDidConflict: 'folder-did-conflict',
  FolderAccountSlots: 'folder-account-slots',
  FolderHandsetNumber: 'folder-handset-number',
} as const;

export type DiagnosticCode = (typeof Code)[keyof typeof Code];
