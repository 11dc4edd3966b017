// Stable diagnostic codes of base-station config files. Quick fixes, tests and users' CI filters key on these:
// never rename one. Where a handset-file code means the same thing (xml-not-well-formed, value-too-long) it is reused.

export const BaseCode = {
  NotWellFormed: 'xml-not-well-formed',
  RootNotGsProvision: 'root-not-gs-provision',
  ConfigMissing: 'config-missing',
  ConfigVersion: 'config-version',
  UnexpectedElement: 'unexpected-element-base',
  ItemWithoutName: 'item-without-name',
  MalformedLine: 'malformed-line',
  SpacesAroundEquals: 'spaces-around-equals',
  UnknownPValue: 'unknown-p-value',
  UnknownItem: 'unknown-item',
  AliasInText: 'alias-in-text',
  NotANumber: 'not-a-number',
  OutOfRange: 'value-out-of-range',
  NotInSet: 'value-not-in-set',
  ValueTooLong: 'value-too-long',
  ValueTooShort: 'value-too-short',
  InvalidCharacters: 'invalid-characters',
  EmptyMandatory: 'empty-mandatory',
  SetTwice: 'set-twice',
  SetTwiceDifferently: 'set-twice-differently',
  ProvisioningWithoutServer: 'provisioning-without-server',
  DuplicateProfileName: 'duplicate-profile-name',
  ServerPathScheme: 'server-path-scheme',
  ServerPathNoHost: 'server-path-no-host',
  QuotedValue: 'quoted-value',
  TrailingSpaces: 'trailing-spaces',
  InlineComment: 'inline-comment',
  TwoSettingsOnLine: 'two-settings-on-line',
  IpAddressExpected: 'ip-address-expected',
  DhcpOverridesServer: 'dhcp-overrides-server',
  ThreeCxProvisioning: '3cx-auto-provisioning',
} as const;

export type BaseDiagnosticCode = (typeof BaseCode)[keyof typeof BaseCode];
