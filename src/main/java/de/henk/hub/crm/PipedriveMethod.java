package de.henk.hub.crm;

/**
 * The HTTP methods the {@code pipedrive-action} kamelet accepts. Its {@code method} parameter is converted to this
 * type when the kamelet's route is created, so a call site with any other method stops the hub at start-up.
 */
public enum PipedriveMethod {
    GET, POST, PATCH, DELETE
}
