/** The one family of user-facing errors: {@link io.sluice.gateway.error.SluiceException} with a stable code. */
package io.sluice.gateway.error;
