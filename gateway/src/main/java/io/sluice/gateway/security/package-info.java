/** Who may connect: users with bcrypt password hashes from the config, anonymous access only on loopback. */
package io.sluice.gateway.security;
