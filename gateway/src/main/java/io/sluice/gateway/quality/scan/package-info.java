/**
 * Scans: every rule of a table judged over the whole table (or the part its {@code where} selects), with the work pushed
 * to the sources as aggregate queries, run on demand ({@code sluice check}, {@code sluice.scan(…)}) or on a schedule.
 */
package io.sluice.gateway.quality.scan;
