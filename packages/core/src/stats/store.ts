import type { Report } from "../report/types";
import type { WeeklyStats } from "./aggregate";

/** Where weekly statistics come from (a week's reports) and go to (the figures of each week). */
export interface StatsStore {
  /** The reports created in the week's seven WIB days, and how many items DynamoDB read for them. */
  readWeek(week: string): Promise<{ reports: Report[]; itemsRead: number }>;
  save(stats: WeeklyStats): Promise<void>;
  get(week: string): Promise<WeeklyStats | undefined>;
  /** Weeks with published figures, newest first. */
  listWeeks(): Promise<string[]>;
}
