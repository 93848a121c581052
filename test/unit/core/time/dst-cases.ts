/**
 * The wall-clock times whose meaning every caller must agree on: notes, on-call schedules and times
 * mentioned in chat run the same table. Europe/Berlin changes on 2025-03-30 (02:00 CET → 03:00 CEST)
 * and 2025-10-26 (03:00 CEST → 02:00 CET); America/New_York on 2025-03-09 (02:00 EST → 03:00 EDT)
 * and 2025-11-02 (02:00 EDT → 01:00 EST).
 */
export interface DstCase {
  /** What the case is about, as a person would say it. */
  says: string;
  date: string;
  time: string;
  /** The workspace's (or schedule's) IANA zone. */
  zone: string;
  /** A zone typed after the time; schedules take only IANA zones, so they skip these cases. */
  typed?: string;
  /** The instant the time means. */
  means: string;
}

export const DST_CASES: readonly DstCase[] = [
  {
    says: 'an ordinary day in Berlin is an hour ahead of UTC in winter',
    date: '2025-11-20',
    time: '15:23',
    zone: 'Europe/Berlin',
    means: '2025-11-20T14:23:00.000Z',
  },
  {
    says: 'an ordinary summer day in New York is four hours behind UTC',
    date: '2025-07-01',
    time: '09:00',
    zone: 'America/New_York',
    means: '2025-07-01T13:00:00.000Z',
  },
  {
    says: 'Berlin, spring forward: the last minute before the jump is still CET',
    date: '2025-03-30',
    time: '01:59',
    zone: 'Europe/Berlin',
    means: '2025-03-30T00:59:00.000Z',
  },
  {
    says: 'Berlin, spring forward: 02:30 never shows, so it is read as 02:30 CET (03:30 CEST)',
    date: '2025-03-30',
    time: '02:30',
    zone: 'Europe/Berlin',
    means: '2025-03-30T01:30:00.000Z',
  },
  {
    says: 'Berlin, spring forward: 03:00 is the first minute of CEST',
    date: '2025-03-30',
    time: '03:00',
    zone: 'Europe/Berlin',
    means: '2025-03-30T01:00:00.000Z',
  },
  {
    says: 'Berlin, fall back: 02:30 shows twice and means the first, in CEST',
    date: '2025-10-26',
    time: '02:30',
    zone: 'Europe/Berlin',
    means: '2025-10-26T00:30:00.000Z',
  },
  {
    says: 'Berlin, fall back: 03:00 shows once, in CET',
    date: '2025-10-26',
    time: '03:00',
    zone: 'Europe/Berlin',
    means: '2025-10-26T02:00:00.000Z',
  },
  {
    says: 'New York, spring forward: 02:30 never shows, so it is read as 02:30 EST (03:30 EDT)',
    date: '2025-03-09',
    time: '02:30',
    zone: 'America/New_York',
    means: '2025-03-09T07:30:00.000Z',
  },
  {
    says: 'New York, fall back: 01:30 shows twice and means the first, in EDT',
    date: '2025-11-02',
    time: '01:30',
    zone: 'America/New_York',
    means: '2025-11-02T05:30:00.000Z',
  },
  {
    says: 'New York, fall back: 02:30 shows once, in EST',
    date: '2025-11-02',
    time: '02:30',
    zone: 'America/New_York',
    means: '2025-11-02T07:30:00.000Z',
  },
  {
    says: 'a typed CEST is +02:00 whatever the workspace zone',
    date: '2025-07-01',
    time: '15:23',
    zone: 'America/New_York',
    typed: 'CEST',
    means: '2025-07-01T13:23:00.000Z',
  },
  {
    says: 'a typed EST on New York’s fall-back day picks the second 01:30',
    date: '2025-11-02',
    time: '01:30',
    zone: 'America/New_York',
    typed: 'EST',
    means: '2025-11-02T06:30:00.000Z',
  },
  {
    says: 'a typed offset is taken as written',
    date: '2025-03-30',
    time: '02:30',
    zone: 'Europe/Berlin',
    typed: '+05:30',
    means: '2025-03-29T21:00:00.000Z',
  },
];
