/**
 * Loading {@code sluice.yaml}: a positioned YAML node tree bound to immutable records ({@link
 * io.sluice.gateway.config.SluiceConfig} and friends), with every problem collected and reported together as {@code
 * file:line:col: key.path: message} in one {@link io.sluice.gateway.config.ConfigException}.
 */
package io.sluice.gateway.config;
