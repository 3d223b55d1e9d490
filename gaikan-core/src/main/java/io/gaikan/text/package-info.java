/**
 * The text formats Gaikan writes, each with one rule: CSV ({@link io.gaikan.text.Csv}), HTML escaping
 * ({@link io.gaikan.text.Html}) and JSON numbers ({@link io.gaikan.text.JsonNumbers}). Imports nothing of Gaikan, so
 * every package can use it.
 */
package io.gaikan.text;
