/**
 * A business calendar: the IANA time zone in which days are counted, the weekday numbers that are
 * weekend (0 = Sunday … 6 = Saturday) and holiday dates written as local 'YYYY-MM-DD'.
 */
export type Calendar = {
  timeZone: string;
  weekend: number[];
  holidays: string[];
};

export const MS_PER_DAY = 86_400_000;
