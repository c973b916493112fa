/**
 * The {@code sluice} command line: serve, query, explain, sources, hash-password and demo, built with picocli; each
 * subcommand is a small class, and errors reach the user as {@code ERROR CODE: message} with a documented exit code.
 */
package io.sluice.gateway.cli;
