/** The Sluice gateway: {@link io.sluice.gateway.Gateway} assembles config, sources, engine and servers. */
package io.sluice.gateway;
