package io.sluice.adapters.spi;

/** A sensitive config value (a password). {@link #toString()} masks it so that it cannot leak into logs. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The clear value, for handing to a driver; never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
