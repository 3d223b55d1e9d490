/**
 * What a run and a study hand to people: PNG charts ({@link io.gaikan.report.Charts}), {@code metrics.json}
 * ({@link io.gaikan.report.MetricsJson}), results tables in Markdown/CSV/HTML ({@link io.gaikan.report.Table}), one
 * self-contained report page ({@link io.gaikan.report.HtmlReport}). Console progress is {@code io.gaikan.console}.
 */
package io.gaikan.report;
