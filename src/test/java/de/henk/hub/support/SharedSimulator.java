package de.henk.hub.support;

/** One Pipedrive simulator per test JVM, shared by every application context. */
public final class SharedSimulator {

    private static final PipedriveSimulator INSTANCE = PipedriveSimulator.start("test-token-" + System.nanoTime());

    private SharedSimulator() { }

    public static PipedriveSimulator get() {
        return INSTANCE;
    }
}
