import type { StatsTexts } from "../types";

/** The Statistik page's English texts. They load with the page, not with the report form. */
export const stats: StatsTexts = {
  intro:
    "Weekly figures of the reports residents send through Lapora, published every Monday for the week before.",
  none: "No statistics have been published yet.",
  notPublished: "Statistics for this week have not been published. Choose another week.",
  loadingWeek: "Loading this week's figures…",
  week: "Week",
  latest: "latest",
  total: "Reports",
  period: (range: string) => `Monday to Sunday, ${range}, WIB`,
  published: (at: string) => `Published ${at}`,
  change: {
    up: (n: string) => `up ${n}`,
    down: (n: string) => `down ${n}`,
    same: "no change",
    vs: (total: string) => `on the week before (${total} reports)`,
    hidden: (total: string) =>
      `The week before: ${total} reports. The change is not shown because small numbers are hidden.`,
  },
  times: {
    title: "Response times",
    verify: "From report to verified by an officer",
    resolve: "From report to resolved",
    median: "Median",
    p90: "9 in 10 reports",
    within: (d: string) => `within ${d}`,
    cases: (n: string) => `from ${n} reports`,
    notEnough: "Not enough data",
    notEnoughWhy: (n: string, min: number) =>
      `Only ${n} reports reached this step; times are shown from ${min} reports so they do not mislead.`,
    noneYet: "No report of this week has reached this step yet.",
    minutes: (n: number) => (n === 1 ? "1 minute" : `${n} minutes`),
    hours: (n: number) => (n === 1 ? "1 hour" : `${n} hours`),
    days: (n: number) => (n === 1 ? "1 day" : `${n} days`),
    underMinute: "under 1 minute",
  },
  charts: {
    title: "This week's figures",
    category: "By type of incident",
    kecamatan: "By kecamatan (sub-district)",
    status: "By current status",
    label: (title: string, range: string, top: string) =>
      `Bar chart, ${title.toLowerCase()}, ${range}. ${top}`,
    top: (name: string, value: string) => `Most: ${name}, ${value} reports.`,
    empty: "No reports.",
    zeros: (names: string) => `No reports: ${names}.`,
    table: "Show the numbers as a table",
    reports: "Reports",
    small:
      "<3 means 1 or 2 reports. Numbers that small are hidden so that no reporter or victim can be recognised.",
  },
  trend: {
    title: "12-week trend",
    total: "Reports per week",
    by: "Broken down by",
    category: "Type of incident",
    kecamatan: "Kecamatan",
    span: (from: string, to: string) => `One bar per week, from ${from} to ${to}.`,
    scale: (max: string) => `All small charts share one scale, 0 to ${max} reports.`,
    label: (name: string, values: string) => `${name}, last 12 weeks: ${values}.`,
    thisWeek: (value: string) => `this week ${value}`,
    quiet: (names: string) => `No reports in these 12 weeks: ${names}.`,
    missingKey: "– or a grey line: a week whose statistics were not published.",
    missing: "not published",
    week: "Week",
    loading: "Loading the trend…",
  },
  download: {
    title: "Open data",
    body: "Download this week's figures, under the same privacy rules as this page. The CSV file opens in Excel or Google Sheets.",
    json: "Download JSON",
    csv: "Download CSV",
  },
  about: {
    title: "How the figures are made",
    items: [
      "A week runs from Monday 00:00 to Sunday 23:59 WIB (an ISO week). A report counts in the week it arrived.",
      "Figures go down to kecamatan (sub-district) level only. Villages, names and phone numbers are never published.",
      "A count of 1 or 2 is shown as <3, because in a small area a number that small can point to a person. The change from the week before is not shown when it would reveal a hidden count.",
      "Response times are shown only when at least 5 reports reached that step. Median: half the reports were faster than this.",
      "Status is each report's status when the figures were published, not today's.",
    ],
  },
};
