// The DP720 key-mapping table: the values a key_* / *_softkey_* setting may take.

export interface KeyMapping {
  readonly value: number;
  readonly label: string;
  /** The handset menu the function lives in; `undefined` for "None". */
  readonly group?: string;
}

export const KEY_MAPPINGS: readonly KeyMapping[] = [
  { value: 0, label: 'None' },
  { value: 1, label: 'Main Menu', group: 'Menu' },
  { value: 2, label: 'Missed Calls', group: 'Call History' },
  { value: 3, label: 'Accepted Calls', group: 'Call History' },
  { value: 4, label: 'Outgoing Calls', group: 'Call History' },
  { value: 5, label: 'All Calls', group: 'Call History' },
  { value: 6, label: 'Phonebook', group: 'Phonebook' },
  { value: 7, label: 'Shared Phonebook', group: 'Phonebook' },
  { value: 8, label: 'Info', group: 'Settings & Status' },
  { value: 9, label: 'Line Status', group: 'Settings & Status' },
  { value: 10, label: 'Voice Mail', group: 'Settings & Status' },
  { value: 11, label: 'Ringer Volume Up', group: 'Settings & Status' },
  { value: 12, label: 'Ringer Volume Down', group: 'Settings & Status' },
  { value: 13, label: 'Audio Volume Up', group: 'Settings & Status' },
  { value: 14, label: 'Audio Volume Down', group: 'Settings & Status' },
  { value: 15, label: 'Intercom', group: 'Call' },
  { value: 16, label: 'Send', group: 'Call' },
  { value: 17, label: 'Hold / Resume / Swap', group: 'Call' },
  { value: 18, label: 'Transfer', group: 'Call' },
  { value: 19, label: 'Conference', group: 'Call' },
  { value: 20, label: 'New Call', group: 'Call' },
];
