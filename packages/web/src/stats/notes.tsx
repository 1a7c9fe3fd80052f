import { fileUrl } from "./data";
import { useStatsStrings } from "./strings";

/** Why some numbers read "<3", next to the charts that show them, with the mark those bars carry. */
export function SmallNumbers() {
  const { s } = useStatsStrings();
  return (
    <p class="small-numbers">
      <svg class="swatch" aria-hidden="true" width="1.5em" height="0.9em">
        <rect class="bar bar-hidden" x="1" y="1" width="90%" height="80%" />
      </svg>
      {s.charts.small}
    </p>
  );
}

/** The week's open data, as the same JSON and CSV files the job wrote. */
export function Downloads({ week }: { week: string }) {
  const { s } = useStatsStrings();
  return (
    <section aria-labelledby="download-title">
      <h2 id="download-title">{s.download.title}</h2>
      <p>{s.download.body}</p>
      <div class="downloads">
        <a class="button button-secondary" href={fileUrl(week, "csv")} download={`lapora-${week}.csv`}>
          {s.download.csv}
        </a>
        <a class="button button-secondary" href={fileUrl(week, "json")} download={`lapora-${week}.json`}>
          {s.download.json}
        </a>
      </div>
    </section>
  );
}

/** How the figures are made: WIB weeks, kecamatan level only, and the two privacy rules. */
export function About() {
  const { s } = useStatsStrings();
  return (
    <section aria-labelledby="about-title" class="about">
      <h2 id="about-title">{s.about.title}</h2>
      <ul>
        {s.about.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
