/** Where the fault-test driver's incidents live (see bot-driver.ts). */
export const DRIVER_PLATFORM = 'storm';
export const DRIVER_WORKSPACE = 'w1';

/** One line of the fake platform's history file: a message as the platform keeps it. */
export interface HistoryLine {
  id: string;
  text: string;
  at: string;
  user: string;
}
