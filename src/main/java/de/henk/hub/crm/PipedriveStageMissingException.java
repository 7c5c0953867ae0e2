package de.henk.hub.crm;

/** The configured initial stage does not exist in Pipedrive — a configuration error, shown by health. */
public class PipedriveStageMissingException extends IllegalStateException {
    public PipedriveStageMissingException(String stageName) {
        super("Pipedrive has no stage named '" + stageName + "' (henk.pipedrive.initial-stage)");
    }
}
