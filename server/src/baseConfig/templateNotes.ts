// Notes for hover and `hsconfig explain`, in our own words, on what the templates (or the handset provisioning guide)
// say about a P-value beyond its type and labels. The generator adds each to its entries and stops when the template
// no longer says what a note relies on (`says`), so a new template cannot leave a stale note behind. A correction's
// own note (templateCorrections.ts) tells users what was corrected.

export interface ReviewedNote {
  readonly p: readonly number[];
  /** What the P-value's template comments must still say for the note to hold (each pattern must match). */
  readonly says: readonly RegExp[];
  readonly note: string;
  /** Where the fact comes from when it is not the template's comment (shown after the note). */
  readonly source?: 'the handset provisioning guide';
}

/** A P-number the template documents twice: the catalogue keeps both meanings and accepts a value of either. */
const twice = (p: number, first: string, then: string): ReviewedNote['note'] =>
  `The template documents P${p} twice: ${first}, then ${then}. A P-number holds one value and the template does not say which meaning the firmware reads, so hsconfig accepts a value that fits either.`;

export const NOTES: readonly ReviewedNote[] = [
  {
    p: [237],
    says: [/^Config Server Path$/m],
    note: 'Write the host and path only, without `http://` or another scheme: P212 chooses TFTP, HTTP or HTTPS.',
    source: 'the handset provisioning guide',
  },
  {
    p: [27014],
    says: [/handset provisioning by IPEI file/],
    note: 'While on, the base station fetches a handset\'s file (P27015, the IPEI, P27016) when the handset first registers and each time it boots.',
    source: 'the handset provisioning guide',
  },
  {
    p: [27015],
    says: [/subdirectory/, /handset\/ipei_/],
    note: 'May start with a folder on the provisioning server, such as `handset/ipei_`; only files whose names start with it are fetched.',
  },
  {
    p: [64],
    says: [/<value="customize">/],
    note: '`customize` applies the rule written in P246 (self-defined time zone); every other value is a fixed offset from GMT.',
  },
  {
    p: [246],
    says: [/^Self-Defined Time Zone$/m],
    note: 'Used when P64 (time zone) is `customize`.',
  },
  {
    p: [1591],
    says: [/^XSI Server\./m, /^XSI Port\./m],
    note: twice(1591, 'for the XSI server\'s address (with its protocol)', 'for the XSI server\'s port (1–65535, template value 80)'),
  },
  {
    p: [20701],
    says: [/^White list for WAN side/m, /^Black list for WAN side/m],
    note: twice(20701, 'for the addresses allowed to reach the web and Telnet pages from the WAN side (white list)', 'for the addresses refused (black list)'),
  },
  {
    p: [27825],
    says: [/^Random Interval Stop Time - Minutes/m, /^Day\.$/m],
    note: twice(27825, 'for the minute the random provisioning interval stops (when P194 is 4)', 'for the day of the manually set date (1–31)'),
  },
  {
    p: [2937],
    says: [/com\.broadsoft\.xsi-actions/],
    note: 'Empty: the base station uses the path `com.broadsoft.xsi-actions`.',
  },
  {
    p: [145],
    says: [/DHCP Option 66 to override/, /override the configured provision path and method/],
    note: 'On (the template value): a server from DHCP option 66 replaces the configured path (P237) and method (P212).',
  },
  {
    p: [20719],
    says: [/DHCP Option 43 and Option 66 to override/, /override the configured provision path and method/],
    note: 'On (the template value): a server from DHCP option 43 or 66 replaces the configured firmware path and method.',
  },
  {
    p: [8402],
    says: [/CA verification is required/],
    note: 'SSL/TLS needs the syslog server\'s certificate to be verified against a trusted CA.',
  },
];
